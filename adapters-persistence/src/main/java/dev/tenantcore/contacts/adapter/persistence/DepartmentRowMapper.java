package dev.tenantcore.contacts.adapter.persistence;

import dev.tenantcore.contacts.domain.Department;
import dev.tenantcore.contacts.domain.DepartmentId;
import dev.tenantcore.shared.domain.OrganizationId;
import org.mapstruct.Mapper;

/** Rows back into the domain through {@link Department#reconstitute}: loading is not creating. */
@Mapper
interface DepartmentRowMapper {

    default Department toDomain(DepartmentRow row) {
        return Department.reconstitute(new DepartmentId(row.id()), new OrganizationId(row.organizationId()),
                row.name(), row.version(), row.createdAt(), row.updatedAt());
    }
}
