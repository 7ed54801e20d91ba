package dev.tenantcore.organizations.adapter.web;

import dev.tenantcore.apikeys.domain.IssuedApiKey;
import dev.tenantcore.organizations.domain.Organization;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface OrganizationWebMapper {

    @Mapping(target = "id", source = "id.value")
    @Mapping(target = "slug", source = "slug.value")
    OrganizationResponse toResponse(Organization organization);

    @Mapping(target = "id", source = "key.id.value")
    @Mapping(target = "name", source = "key.name")
    @Mapping(target = "prefix", source = "key.prefix")
    @Mapping(target = "token", expression = "java(issued.token().reveal())")
    @Mapping(target = "createdAt", source = "key.createdAt")
    FirstApiKeyResponse toResponse(IssuedApiKey issued);
}
