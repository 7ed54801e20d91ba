package dev.tenantcore.contacts.adapter.persistence;

import dev.tenantcore.contacts.domain.JsonFields;
import dev.tenantcore.contacts.domain.Production;
import dev.tenantcore.contacts.domain.ProductionId;
import dev.tenantcore.contacts.domain.ProductionStatus;
import dev.tenantcore.shared.domain.OrganizationId;
import org.mapstruct.Mapper;

/** Rows back into the domain through {@link Production#reconstitute}: loading is not creating. */
@Mapper
interface ProductionRowMapper {

    default Production toDomain(ProductionRow row) {
        return Production.reconstitute(new ProductionId(row.id()), new OrganizationId(row.organizationId()),
                row.name(), row.code(), ProductionStatus.fromCode(row.status()), row.startDate(), row.endDate(),
                new JsonFields(row.metadata()), row.version(), row.createdAt(), row.updatedAt());
    }
}
