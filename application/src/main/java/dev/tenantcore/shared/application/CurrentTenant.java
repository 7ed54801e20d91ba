package dev.tenantcore.shared.application;

import dev.tenantcore.shared.domain.OrganizationId;

/**
 * The organization the authenticated credential acts for. Implemented by the web adapter from the credential
 * alone: nothing in a request body, path, query or header other than the credential can choose the tenant.
 */
public interface CurrentTenant {

    /** Throws {@link IllegalStateException} when called outside an authenticated request. */
    OrganizationId organizationId();
}
