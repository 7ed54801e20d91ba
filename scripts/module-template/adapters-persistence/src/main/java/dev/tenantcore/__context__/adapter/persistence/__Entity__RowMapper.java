package dev.tenantcore.__context__.adapter.persistence;

import dev.tenantcore.__context__.domain.__Entity__;
import dev.tenantcore.__context__.domain.__Entity__Id;
import dev.tenantcore.shared.domain.OrganizationId;
import org.mapstruct.Mapper;

/** Rows back into the domain through {@link __Entity__#reconstitute}: loading is not creating. */
@Mapper
interface __Entity__RowMapper {

    default __Entity__ toDomain(__Entity__Row row) {
        return __Entity__.reconstitute(new __Entity__Id(row.id()), new OrganizationId(row.organizationId()),
                row.name(), row.description(), row.version(), row.createdAt(), row.updatedAt());
    }
}
