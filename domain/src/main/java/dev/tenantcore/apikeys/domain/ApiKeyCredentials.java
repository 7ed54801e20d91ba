package dev.tenantcore.apikeys.domain;

import java.util.List;

/**
 * The one lookup across tenants: from a token's public prefix to the usable keys that carry it (normally one;
 * prefixes are random, not unique). Implementations must expose nothing else of other tenants.
 *
 * <p>An implementation may keep what it found for a few seconds (configured), so that a busy key does not cost a
 * database lookup per request. Callers therefore re-check expiry ({@link ApiKeyCredential#isUnexpiredAt}) and call
 * {@link #forget} after a committed change to a key, so that this process sees it at once; other processes see it
 * when their copy runs out.
 */
public interface ApiKeyCredentials {
    List<ApiKeyCredential> findUsableByPrefix(String prefix);

    /** Drops anything kept for this prefix: the next lookup reads the database. */
    void forget(String prefix);
}
