package dev.tenantcore.organizations.adapter.persistence;

import dev.tenantcore.organizations.domain.Organization;
import dev.tenantcore.organizations.domain.Slug;
import dev.tenantcore.shared.adapter.persistence.PersistedIds;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(uses = PersistedIds.class)
interface OrganizationRowMapper {

    @Mapping(target = "slug", source = "slug.value")
    OrganizationRow toRow(Organization organization);

    // "renamed(...)" returns a changed copy; MapStruct would take it for a fluent setter.
    @Mapping(target = "renamed", ignore = true)
    Organization toDomain(OrganizationRow row);

    default Slug slug(String value) {
        return new Slug(value);
    }
}
