package dev.tenantcore.contacts.adapter.web;

import dev.tenantcore.contacts.domain.Department;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface DepartmentWebMapper {

    @Mapping(target = "id", source = "id.value")
    DepartmentResponse toResponse(Department department);
}
