package dev.tenantcore.shared.application;

import dev.tenantcore.shared.domain.OrganizationId;

/**
 * Told after a committed change to what an organization's roles permit (a custom role changed or deleted), so that
 * whatever keeps permissions for a while drops what it kept for that organization: API-key authentication keeps a
 * found key, with its permissions, for a few seconds. Users' access tokens are not affected; they carry their
 * permissions until the next refresh.
 */
public interface PermissionChanges {
    void changedIn(OrganizationId organizationId);
}
