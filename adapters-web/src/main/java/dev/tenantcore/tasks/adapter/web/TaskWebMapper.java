package dev.tenantcore.tasks.adapter.web;

import dev.tenantcore.tasks.domain.Task;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface TaskWebMapper {

    @Mapping(target = "id", source = "id.value")
    @Mapping(target = "assigneeId", source = "assigneeId.value")
    TaskResponse toResponse(Task task);
}
