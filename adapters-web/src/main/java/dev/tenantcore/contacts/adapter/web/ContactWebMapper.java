package dev.tenantcore.contacts.adapter.web;

import dev.tenantcore.contacts.domain.Contact;
import dev.tenantcore.contacts.domain.ContactSource;
import java.util.Locale;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(uses = ContactJson.class)
interface ContactWebMapper {

    @Mapping(target = "id", source = "id.value")
    @Mapping(target = "departmentId", source = "departmentId.value")
    @Mapping(target = "productionId", source = "productionId.value")
    @Mapping(target = "source", source = "source.type")
    @Mapping(target = "importId", source = "source.importIdOrNull")
    ContactResponse toResponse(Contact contact);

    default String source(ContactSource.Type type) {
        return type.name().toLowerCase(Locale.ROOT);
    }
}
