package dev.tenantcore.identity.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored refresh token as its owner may see it: when it was issued, for which organization, and what became of
 * it. Never its hash.
 *
 * @param usedAt    when it was exchanged for its successor, or null
 * @param revokedAt when it was revoked (logout, reuse, password change), or null
 */
public record RefreshSession(UUID id, OrganizationId organizationId, UUID familyId, Instant createdAt,
        Instant expiresAt, Instant usedAt, Instant revokedAt) {
    public RefreshSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
