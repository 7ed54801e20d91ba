package dev.tenantcore.organizations.adapter.persistence;

import dev.tenantcore.organizations.domain.Organization;
import dev.tenantcore.organizations.domain.Slug;
import dev.tenantcore.shared.adapter.persistence.PersistedIds;
import dev.tenantcore.shared.domain.OrganizationId;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(uses = PersistedIds.class)
interface OrganizationRowMapper {

    @Mapping(target = "slug", source = "slug.value")
    OrganizationRow toRow(Organization organization);

    /** Loading is not creating: rows come back through {@link Organization#reconstitute}. */
    default Organization toDomain(OrganizationRow row) {
        return Organization.reconstitute(new OrganizationId(row.id()), row.name(), slug(row.slug()), row.version(),
                row.createdAt(), row.updatedAt());
    }

    default Slug slug(String value) {
        return new Slug(value);
    }
}
