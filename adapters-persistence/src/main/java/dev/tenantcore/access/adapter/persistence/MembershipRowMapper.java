package dev.tenantcore.access.adapter.persistence;

import dev.tenantcore.access.domain.Membership;
import dev.tenantcore.access.domain.MembershipStatus;
import dev.tenantcore.access.domain.RoleId;
import dev.tenantcore.shared.adapter.persistence.PersistedIds;
import dev.tenantcore.shared.domain.UserId;
import java.util.Set;
import java.util.UUID;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(uses = PersistedIds.class)
interface MembershipRowMapper {

    @Mapping(target = "userId", source = "userId.value")
    MembershipRow toRow(Membership membership);

    @Mapping(target = "organizationId", source = "row.organizationId")
    @Mapping(target = "userId", source = "row.userId")
    @Mapping(target = "status", source = "row.status")
    @Mapping(target = "version", source = "row.version")
    @Mapping(target = "createdAt", source = "row.createdAt")
    @Mapping(target = "updatedAt", source = "row.updatedAt")
    // "withRoles(...)" and "withStatus(...)" return changed copies; MapStruct would take them for fluent setters.
    @Mapping(target = "withRoles", ignore = true)
    @Mapping(target = "withStatus", ignore = true)
    Membership toDomain(MembershipRow row, Set<RoleId> roleIds);

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
