package dev.tenantcore.access.adapter.web;

import dev.tenantcore.access.application.CreateRoleCommand;
import dev.tenantcore.access.application.CreateRoleUseCase;
import dev.tenantcore.access.application.DeleteRoleUseCase;
import dev.tenantcore.access.application.GetRoleUseCase;
import dev.tenantcore.access.application.ListRolesUseCase;
import dev.tenantcore.access.application.UpdateRoleCommand;
import dev.tenantcore.access.application.UpdateRoleUseCase;
import dev.tenantcore.access.domain.Role;
import dev.tenantcore.access.domain.RoleId;
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

@Controller("/v1/roles")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ApiContract.Authenticated
@Tag(name = "Access")
class RoleController {
    private static final String PERMISSIONS = "permissions";

    private final ListRolesUseCase listRoles;
    private final GetRoleUseCase getRole;
    private final CreateRoleUseCase createRole;
    private final UpdateRoleUseCase updateRole;
    private final DeleteRoleUseCase deleteRole;
    private final RoleWebMapper mapper;

    RoleController(ListRolesUseCase listRoles, GetRoleUseCase getRole, CreateRoleUseCase createRole,
            UpdateRoleUseCase updateRole, DeleteRoleUseCase deleteRole, RoleWebMapper mapper) {
        this.listRoles = listRoles;
        this.getRole = getRole;
        this.createRole = createRole;
        this.updateRole = updateRole;
        this.deleteRole = deleteRole;
        this.mapper = mapper;
    }

    @Get
    @ApiContract.Ok
    @ApiContract.BadRequest
    @ApiContract.UnprocessableContent
    @Operation(operationId = "listRoles", summary = "List the organization's roles, newest first",
            description = "Custom roles, then the four built-in ones. Needs members:read. Keyset pagination: pass "
                    + "nextCursor from the previous page as cursor.")
    PageResponse<RoleResponse> list(
            @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit,
            @QueryValue @Nullable PageCursor cursor) {
        var after = cursor == null ? null : new RoleId(cursor.after());
        var page = listRoles.list(new PageRequest<>(after, limit));
        return PageResponse.of(page, mapper::toResponse, role -> role.id().value());
    }

    @Get("/{id}")
    @ApiContract.OkWithETag
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @Operation(operationId = "getRole", summary = "Get a role", description = "Needs members:read.")
    HttpResponse<RoleResponse> get(@PathVariable UUID id) {
        return withEntityTag(HttpResponse.ok(), getRole.get(new RoleId(id)));
    }

    @Post
    @Idempotent
    @Status(HttpStatus.CREATED)
    @ApiContract.CreatedAt
    @ApiContract.BadRequest
    @ApiContract.Conflict
    @ApiContract.UnprocessableContent
    @Operation(operationId = "createRole", summary = "Create a custom role",
            description = "Needs roles:manage, and every permission the role grants: nobody defines a role with "
                    + "more than they hold. An unknown permission code is a 422 naming it.")
    HttpResponse<RoleResponse> create(@Body @Valid CreateRoleRequest request) {
        var role = createRole.create(new CreateRoleCommand(request.name(), request.description(),
                Role.permissionsNamed(PERMISSIONS, request.permissions())));
        return withEntityTag(HttpResponse.created(URI.create("/v1/roles/" + role.id())), role);
    }

    @Patch("/{id}")
    @ApiContract.OkWithETag
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @ApiContract.Conflict
    @ApiContract.PreconditionFailed
    @ApiContract.UnprocessableContent
    @Operation(operationId = "updateRole", summary = "Change a custom role",
            description = "Only the properties present are changed; permissions replaces the set. Its holders "
                    + "get the change at once. Built-in roles cannot be changed (409). Needs roles:manage and every "
                    + "permission the role grants, before and after. Honours If-Match (412 when stale).")
    HttpResponse<RoleResponse> update(@PathVariable UUID id, @Body UpdateRoleRequest request,
            @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        var role = updateRole.update(new UpdateRoleCommand(new RoleId(id), EntityTags.ifMatch(ifMatch),
                request.name(), request.description(),
                request.permissions().map(codes -> Role.permissionsNamed(PERMISSIONS, codes))));
        return withEntityTag(HttpResponse.ok(), role);
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @ApiContract.NoContent
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_JSON_PROBLEM})
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @ApiContract.Conflict
    @ApiContract.PreconditionFailed
    @Operation(operationId = "deleteRole", summary = "Delete a custom role",
            description = "Members and API keys holding it lose it. Built-in roles cannot be deleted (409). Needs "
                    + "roles:manage and every permission the role grants. Honours If-Match (412 when stale).")
    HttpResponse<Void> delete(@PathVariable UUID id, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        deleteRole.delete(new RoleId(id), EntityTags.ifMatch(ifMatch));
        return HttpResponse.noContent();
    }

    private MutableHttpResponse<RoleResponse> withEntityTag(MutableHttpResponse<?> response, Role role) {
        return response.body(mapper.toResponse(role)).header(HttpHeaders.ETAG, EntityTags.of(role.version()));
    }
}
