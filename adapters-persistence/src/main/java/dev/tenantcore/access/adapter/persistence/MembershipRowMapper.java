package dev.tenantcore.access.adapter.persistence;

import dev.tenantcore.access.domain.Membership;
import dev.tenantcore.access.domain.MembershipStatus;
import dev.tenantcore.access.domain.RoleId;
import dev.tenantcore.shared.adapter.persistence.PersistedIds;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import java.util.Set;
import java.util.UUID;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(uses = PersistedIds.class)
interface MembershipRowMapper {

    @Mapping(target = "userId", source = "userId.value")
    MembershipRow toRow(Membership membership);

    /** Loading is not creating: rows come back through {@link Membership#reconstitute}. */
    default Membership toDomain(MembershipRow row, Set<RoleId> roleIds) {
        return Membership.reconstitute(new OrganizationId(row.organizationId()), userId(row.userId()),
                status(row.status()), roleIds, row.version(), row.createdAt(), row.updatedAt());
    }

    default UserId userId(UUID value) {
        return new UserId(value);
    }

    default MembershipStatus status(String code) {
        return MembershipStatus.fromCode(code);
    }

    default String statusCode(MembershipStatus status) {
        return status.code();
    }
}
