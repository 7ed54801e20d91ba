package dev.tenantcore.contacts.adapter.web;

import dev.tenantcore.contacts.application.CreateDepartmentCommand;
import dev.tenantcore.contacts.application.CreateDepartmentUseCase;
import dev.tenantcore.contacts.application.DeleteDepartmentUseCase;
import dev.tenantcore.contacts.application.GetDepartmentUseCase;
import dev.tenantcore.contacts.application.ListDepartmentsUseCase;
import dev.tenantcore.contacts.application.UpdateDepartmentCommand;
import dev.tenantcore.contacts.application.UpdateDepartmentUseCase;
import dev.tenantcore.contacts.domain.Department;
import dev.tenantcore.contacts.domain.DepartmentId;
import dev.tenantcore.shared.adapter.web.ApiContract;
import dev.tenantcore.shared.adapter.web.EntityTags;
import dev.tenantcore.shared.adapter.web.Idempotent;
import dev.tenantcore.shared.adapter.web.PageCursor;
import dev.tenantcore.shared.adapter.web.PageResponse;
import dev.tenantcore.shared.domain.PageRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.UUID;

@Controller("/v1/departments")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ApiContract.Authenticated
@Tag(name = "Departments", description = "The organization's departments, which contacts belong to; every "
        + "organization starts with a default catalogue (Production, Camera, Grip, ...)")
class DepartmentController {
    private final CreateDepartmentUseCase createDepartment;
    private final GetDepartmentUseCase getDepartment;
    private final UpdateDepartmentUseCase updateDepartment;
    private final DeleteDepartmentUseCase deleteDepartment;
    private final ListDepartmentsUseCase listDepartments;
    private final DepartmentWebMapper mapper;

    DepartmentController(CreateDepartmentUseCase createDepartment, GetDepartmentUseCase getDepartment,
            UpdateDepartmentUseCase updateDepartment, DeleteDepartmentUseCase deleteDepartment,
            ListDepartmentsUseCase listDepartments, DepartmentWebMapper mapper) {
        this.createDepartment = createDepartment;
        this.getDepartment = getDepartment;
        this.updateDepartment = updateDepartment;
        this.deleteDepartment = deleteDepartment;
        this.listDepartments = listDepartments;
        this.mapper = mapper;
    }

    @Post
    @Idempotent
    @Status(HttpStatus.CREATED)
    @ApiContract.CreatedAt
    @ApiContract.BadRequest
    @ApiContract.Conflict
    @ApiContract.UnprocessableContent
    @Operation(operationId = "createDepartment", summary = "Create a department",
            description = "409 when the organization has a department of that name, ignoring case.")
    HttpResponse<DepartmentResponse> create(@Body @Valid CreateDepartmentRequest request) {
        var department = createDepartment.create(new CreateDepartmentCommand(request.name()));
        return withEntityTag(HttpResponse.created(mapper.toResponse(department),
                URI.create("/v1/departments/" + department.id())), department);
    }

    @Get("/{id}")
    @ApiContract.OkWithETag
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @Operation(operationId = "getDepartment", summary = "Get a department",
            description = "The department, with its ETag.")
    HttpResponse<DepartmentResponse> get(@PathVariable UUID id) {
        var department = getDepartment.get(new DepartmentId(id));
        return withEntityTag(HttpResponse.ok(mapper.toResponse(department)), department);
    }

    @Patch("/{id}")
    @ApiContract.OkWithETag
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @ApiContract.PreconditionFailed
    @ApiContract.Conflict
    @ApiContract.UnprocessableContent
    @Operation(operationId = "updateDepartment", summary = "Change some of a department's fields",
            description = "Only the properties present are changed. Honours If-Match (412 when stale).")
    HttpResponse<DepartmentResponse> update(@PathVariable UUID id, @Body UpdateDepartmentRequest request,
            @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        var department = updateDepartment.update(new UpdateDepartmentCommand(new DepartmentId(id),
                EntityTags.ifMatch(ifMatch), request.name()));
        return withEntityTag(HttpResponse.ok(mapper.toResponse(department)), department);
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @ApiContract.NoContent
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_JSON_PROBLEM})
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @ApiContract.PreconditionFailed
    @ApiContract.Conflict
    @Operation(operationId = "deleteDepartment", summary = "Delete a department",
            description = "Honours If-Match (412 when stale). 409 while contacts, in the trash too, belong to it.")
    HttpResponse<Void> delete(@PathVariable UUID id, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        deleteDepartment.delete(new DepartmentId(id), EntityTags.ifMatch(ifMatch));
        return HttpResponse.noContent();
    }

    @Get
    @ApiContract.Ok
    @ApiContract.BadRequest
    @ApiContract.UnprocessableContent
    @Operation(operationId = "listDepartments", summary = "List departments, newest first",
            description = "Keyset pagination: pass nextCursor from the previous page as cursor.")
    PageResponse<DepartmentResponse> list(@QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit,
            @QueryValue @Nullable PageCursor cursor) {
        var after = cursor == null ? null : new DepartmentId(cursor.after());
        var page = listDepartments.list(new PageRequest<>(after, limit));
        return PageResponse.of(page, mapper::toResponse, department -> department.id().value());
    }

    private static MutableHttpResponse<DepartmentResponse> withEntityTag(MutableHttpResponse<DepartmentResponse> response,
            Department department) {
        return response.header(HttpHeaders.ETAG, EntityTags.of(department.version()));
    }
}
