package dev.tenantcore.access.adapter.web;

import dev.tenantcore.access.application.CreateInvitationCommand;
import dev.tenantcore.access.application.CreateInvitationUseCase;
import dev.tenantcore.access.application.ListInvitationsUseCase;
import dev.tenantcore.access.application.RevokeInvitationUseCase;
import dev.tenantcore.access.domain.InvitationId;
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
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
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
import java.time.Clock;
import java.util.UUID;

/**
 * Invitations to the caller's organization. Inviting, listing and revoking need {@code members:manage} (the list
 * holds addresses of people who are not members, so {@code members:read} is not enough). Accepting, which may log
 * the person in, is the identity context's (InvitationAcceptanceController).
 */
@Controller("/v1/invitations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Access")
class InvitationController {
    private final CreateInvitationUseCase create;
    private final ListInvitationsUseCase list;
    private final RevokeInvitationUseCase revoke;
    private final InvitationWebMapper mapper;
    private final Clock clock;

    InvitationController(CreateInvitationUseCase create, ListInvitationsUseCase list, RevokeInvitationUseCase revoke,
            InvitationWebMapper mapper, Clock clock) {
        this.create = create;
        this.list = list;
        this.revoke = revoke;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Post
    @Idempotent(showsSecret = true)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Status(HttpStatus.CREATED)
    @ApiContract.Authenticated
    @ApiContract.Created
    @ApiContract.BadRequest
    @ApiContract.Conflict
    @ApiContract.UnprocessableContent
    @Operation(operationId = "createInvitation", summary = "Invite an address to the organization with a set of roles",
            description = "Needs members:manage and every permission the roles grant (the owner role only an owner "
                    + "may grant). The response holds the token to pass to the invited person; it is never shown "
                    + "again. 409 when the address is a member's or has an open invitation already.")
    HttpResponse<CreatedInvitationResponse> create(@Body @Valid CreateInvitationRequest request) {
        var issued = create.invite(new CreateInvitationCommand(request.email(), request.roles(),
                request.expiresInDays()));
        return HttpResponse.created(mapper.toCreatedResponse(issued, clock.instant()))
                .header(HttpHeaders.ETAG, EntityTags.of(issued.invitation().version()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @ApiContract.Authenticated
    @ApiContract.Ok
    @ApiContract.BadRequest
    @ApiContract.UnprocessableContent
    @Operation(operationId = "listInvitations",
            summary = "List the organization's invitations, newest first, whatever their status",
            description = "Needs members:manage.")
    PageResponse<InvitationResponse> list(
            @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit,
            @QueryValue @Nullable PageCursor cursor) {
        var after = cursor == null ? null : new InvitationId(cursor.after());
        var page = list.list(new PageRequest<>(after, limit));
        var now = clock.instant();
        return PageResponse.of(page, invitation -> mapper.toResponse(invitation, now),
                invitation -> invitation.id().value());
    }

    @Delete("/{id}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Status(HttpStatus.NO_CONTENT)
    @ApiContract.Authenticated
    @ApiContract.NoContent
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_JSON_PROBLEM})
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @ApiContract.Conflict
    @ApiContract.PreconditionFailed
    @Operation(operationId = "revokeInvitation", summary = "Revoke an invitation; its token stops working at once",
            description = "Needs members:manage. Honours If-Match (412 when stale). Revoking a revoked invitation "
                    + "is a no-op; an accepted one cannot be revoked (409).")
    HttpResponse<Void> revoke(@PathVariable UUID id, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        revoke.revoke(new InvitationId(id), EntityTags.ifMatch(ifMatch));
        return HttpResponse.noContent();
    }
}
