package dev.tenantcore.contacts.adapter.persistence;

import dev.tenantcore.contacts.domain.Contact;
import dev.tenantcore.contacts.domain.ContactDetails;
import dev.tenantcore.contacts.domain.ContactId;
import dev.tenantcore.contacts.domain.ContactSource;
import dev.tenantcore.contacts.domain.DepartmentId;
import dev.tenantcore.contacts.domain.JsonFields;
import dev.tenantcore.contacts.domain.ProductionId;
import dev.tenantcore.shared.domain.OrganizationId;
import org.mapstruct.Mapper;

/** Rows back into the domain through {@link Contact#reconstitute}: loading is not creating. */
@Mapper
interface ContactRowMapper {

    default Contact toDomain(ContactRow row) {
        var details = new ContactDetails(row.name(), row.email(), row.phone(), row.role(), row.company(),
                row.departmentId() == null ? null : new DepartmentId(row.departmentId()),
                row.productionId() == null ? null : new ProductionId(row.productionId()), row.notes(),
                new JsonFields(row.customFields()));
        var source = row.importId() == null ? ContactSource.MANUAL : ContactSource.importedBy(row.importId());
        return Contact.reconstitute(new ContactId(row.id()), new OrganizationId(row.organizationId()), details,
                source, row.deletedAt(), row.version(), row.createdAt(), row.updatedAt());
    }
}
