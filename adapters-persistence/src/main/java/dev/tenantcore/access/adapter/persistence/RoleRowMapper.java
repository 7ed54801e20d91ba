package dev.tenantcore.access.adapter.persistence;

import dev.tenantcore.access.domain.BuiltinRole;
import dev.tenantcore.access.domain.Role;
import dev.tenantcore.access.domain.RoleId;
import dev.tenantcore.shared.adapter.persistence.PersistedIds;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Permission;
import java.util.Set;
import java.util.UUID;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(uses = PersistedIds.class)
interface RoleRowMapper {

    @Mapping(target = "id", source = "id.value")
    RoleRow toRow(Role role);

    /** Loading is not creating: rows come back through {@link Role#reconstitute}. */
    default Role toDomain(RoleRow row, Set<Permission> permissions) {
        return Role.reconstitute(roleId(row.id()), new OrganizationId(row.organizationId()), row.name(),
                row.description(), builtinRole(row.builtin()), permissions, row.version(), row.createdAt(),
                row.updatedAt());
    }

    default RoleId roleId(UUID value) {
        return new RoleId(value);
    }

    default BuiltinRole builtinRole(String code) {
        return code == null ? null : BuiltinRole.fromCode(code)
                .orElseThrow(() -> new IllegalStateException("unknown built-in role in storage: " + code));
    }

    default String builtinCode(BuiltinRole role) {
        return role == null ? null : role.code();
    }
}
