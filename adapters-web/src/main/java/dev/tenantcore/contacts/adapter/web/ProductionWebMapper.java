package dev.tenantcore.contacts.adapter.web;

import dev.tenantcore.contacts.domain.Production;
import dev.tenantcore.contacts.domain.ProductionStatus;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(uses = ContactJson.class)
interface ProductionWebMapper {

    @Mapping(target = "id", source = "id.value")
    ProductionResponse toResponse(Production production);

    default String status(ProductionStatus status) {
        return status.code();
    }
}
