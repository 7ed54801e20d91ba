package dev.tenantcore.apikeys.adapter.web;

import dev.tenantcore.apikeys.domain.ApiKey;
import dev.tenantcore.apikeys.domain.IssuedApiKey;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface ApiKeyWebMapper {

    @Mapping(target = "id", source = "id.value")
    ApiKeyResponse toResponse(ApiKey key);

    @Mapping(target = "id", source = "key.id.value")
    @Mapping(target = "name", source = "key.name")
    @Mapping(target = "prefix", source = "key.prefix")
    @Mapping(target = "token", expression = "java(issued.token().reveal())")
    @Mapping(target = "createdAt", source = "key.createdAt")
    @Mapping(target = "expiresAt", source = "key.expiresAt")
    CreatedApiKeyResponse toCreatedResponse(IssuedApiKey issued);
}
