package dev.tenantcore.identity.domain;

import java.util.Optional;

/**
 * The lookups across tenants and users that logging in needs before any setting is known. Implementations expose
 * nothing beyond what these return.
 */
public interface LoginLookup {

    /** The account with this address, and its membership of the organization named by slug or id, if any. */
    Optional<LoginCandidate> findByEmail(EmailAddress email, String organizationSlugOrId);
}
