package dev.tenantcore.__context__.adapter.web;

import dev.tenantcore.__context__.domain.__Entity__;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface __Entity__WebMapper {

    @Mapping(target = "id", source = "id.value")
    __Entity__Response toResponse(__Entity__ __entity__);
}
