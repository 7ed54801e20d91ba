package dev.tenantcore.access.adapter.web;

import dev.tenantcore.access.domain.Role;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface RoleWebMapper {

    @Mapping(target = "id", source = "id.value")
    @Mapping(target = "builtin", expression = "java(!role.isCustom())")
    @Mapping(target = "permissions", expression = "java(role.permissionCodes())")
    RoleResponse toResponse(Role role);
}
