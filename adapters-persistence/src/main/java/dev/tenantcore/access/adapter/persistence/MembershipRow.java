package dev.tenantcore.access.adapter.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of memberships. Its key is (organization_id, user_id); Micronaut Data needs one id property, and every
 * query names the organization beside it, as for every tenant table. The roles held live in user_roles.
 */
@MappedEntity("memberships")
record MembershipRow(
        @Id UUID userId,
        UUID organizationId,
        String status,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
