package dev.tenantcore.contacts.adapter.persistence;

import dev.tenantcore.contacts.domain.Contact;
import dev.tenantcore.contacts.domain.ContactId;
import dev.tenantcore.shared.domain.OrganizationId;
import org.mapstruct.Mapper;

/** Rows back into the domain through {@link Contact#reconstitute}: loading is not creating. */
@Mapper
interface ContactRowMapper {

    default Contact toDomain(ContactRow row) {
        return Contact.reconstitute(new ContactId(row.id()), new OrganizationId(row.organizationId()),
                row.name(), row.description(), row.version(), row.createdAt(), row.updatedAt());
    }
}
