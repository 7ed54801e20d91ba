package dev.tenantcore.contacts.adapter.web;

import dev.tenantcore.contacts.domain.Contact;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface ContactWebMapper {

    @Mapping(target = "id", source = "id.value")
    ContactResponse toResponse(Contact contact);
}
