package dev.tenantcore.apikeys.adapter.web;

import dev.tenantcore.apikeys.application.ApiKeyWithRoles;
import dev.tenantcore.apikeys.application.IssuedApiKeyWithRoles;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface ApiKeyWebMapper {

    @Mapping(target = "id", source = "key.id.value")
    @Mapping(target = "name", source = "key.name")
    @Mapping(target = "prefix", source = "key.prefix")
    @Mapping(target = "createdAt", source = "key.createdAt")
    @Mapping(target = "expiresAt", source = "key.expiresAt")
    @Mapping(target = "revokedAt", source = "key.revokedAt")
    @Mapping(target = "lastUsedAt", source = "key.lastUsedAt")
    ApiKeyResponse toResponse(ApiKeyWithRoles listed);

    @Mapping(target = "id", source = "issued.key.id.value")
    @Mapping(target = "name", source = "issued.key.name")
    @Mapping(target = "prefix", source = "issued.key.prefix")
    @Mapping(target = "token", expression = "java(created.issued().token().reveal())")
    @Mapping(target = "createdAt", source = "issued.key.createdAt")
    @Mapping(target = "expiresAt", source = "issued.key.expiresAt")
    CreatedApiKeyResponse toCreatedResponse(IssuedApiKeyWithRoles created);
}
