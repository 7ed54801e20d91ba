package dev.tenantcore.access.adapter.persistence;

import dev.tenantcore.access.domain.BuiltinRole;
import dev.tenantcore.access.domain.Role;
import dev.tenantcore.access.domain.RoleId;
import dev.tenantcore.shared.adapter.persistence.PersistedIds;
import dev.tenantcore.shared.domain.Permission;
import java.util.Set;
import java.util.UUID;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(uses = PersistedIds.class)
interface RoleRowMapper {

    @Mapping(target = "id", source = "id.value")
    RoleRow toRow(Role role);

    @Mapping(target = "id", source = "row.id")
    @Mapping(target = "organizationId", source = "row.organizationId")
    @Mapping(target = "name", source = "row.name")
    @Mapping(target = "description", source = "row.description")
    @Mapping(target = "builtin", source = "row.builtin")
    @Mapping(target = "version", source = "row.version")
    @Mapping(target = "createdAt", source = "row.createdAt")
    @Mapping(target = "updatedAt", source = "row.updatedAt")
    Role toDomain(RoleRow row, Set<Permission> permissions);

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
