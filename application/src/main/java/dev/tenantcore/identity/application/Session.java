package dev.tenantcore.identity.application;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Permission;
import dev.tenantcore.shared.domain.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A successful login or refresh: who, in which organization, with which permissions, until when the access token
 * may live, and the new refresh token (shown once). The web adapter signs the access token from it.
 */
public record Session(UserId userId, OrganizationId organizationId, Set<Permission> permissions,
        Instant accessTokenExpiresAt, String refreshToken, Instant refreshTokenExpiresAt) {

    public Session {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(organizationId, "organizationId");
        permissions = Set.copyOf(permissions);
        Objects.requireNonNull(accessTokenExpiresAt, "accessTokenExpiresAt");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(refreshTokenExpiresAt, "refreshTokenExpiresAt");
    }

    @Override
    public String toString() {
        return "Session[" + userId + ", " + organizationId + ", " + permissions + ", ***]";
    }
}
