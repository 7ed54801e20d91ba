package dev.tenantcore.access.adapter.web;

import dev.tenantcore.access.application.GetMemberUseCase;
import dev.tenantcore.access.application.ListMembersUseCase;
import dev.tenantcore.access.application.RemoveMemberUseCase;
import dev.tenantcore.access.application.UpdateMemberCommand;
import dev.tenantcore.access.application.UpdateMemberUseCase;
import dev.tenantcore.access.domain.Member;
import dev.tenantcore.access.domain.MembershipStatus;
import dev.tenantcore.shared.adapter.web.ApiContract;
import dev.tenantcore.shared.adapter.web.EntityTags;
import dev.tenantcore.shared.adapter.web.PageCursor;
import dev.tenantcore.shared.adapter.web.PageResponse;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.shared.domain.UserId;
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
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

@Controller("/v1/members")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ApiContract.Authenticated
@Tag(name = "Access")
class MemberController {
    private final ListMembersUseCase listMembers;
    private final GetMemberUseCase getMember;
    private final UpdateMemberUseCase updateMember;
    private final RemoveMemberUseCase removeMember;
    private final MemberWebMapper mapper;

    MemberController(ListMembersUseCase listMembers, GetMemberUseCase getMember, UpdateMemberUseCase updateMember,
            RemoveMemberUseCase removeMember, MemberWebMapper mapper) {
        this.listMembers = listMembers;
        this.getMember = getMember;
        this.updateMember = updateMember;
        this.removeMember = removeMember;
        this.mapper = mapper;
    }

    @Get
    @ApiContract.Ok
    @ApiContract.BadRequest
    @ApiContract.UnprocessableContent
    @Operation(operationId = "listMembers", summary = "List the organization's members, newest user first",
            description = "Suspended members included. Needs members:read. Keyset pagination: pass nextCursor from "
                    + "the previous page as cursor.")
    PageResponse<MemberResponse> list(
            @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit,
            @QueryValue @Nullable PageCursor cursor) {
        var after = cursor == null ? null : new UserId(cursor.after());
        var page = listMembers.list(new PageRequest<>(after, limit));
        return PageResponse.of(page, mapper::toResponse, member -> member.membership().userId().value());
    }

    @Get("/{userId}")
    @ApiContract.OkWithETag
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @Operation(operationId = "getMember", summary = "Get a member", description = "Needs members:read.")
    HttpResponse<MemberResponse> get(@PathVariable UUID userId) {
        return withEntityTag(HttpResponse.ok(), getMember.get(new UserId(userId)));
    }

    @Patch("/{userId}")
    @ApiContract.OkWithETag
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @ApiContract.Conflict
    @ApiContract.PreconditionFailed
    @ApiContract.UnprocessableContent
    @Operation(operationId = "updateMember", summary = "Change a member's roles or status",
            description = "roles replaces the roles held, by name; status is active or suspended. Needs "
                    + "members:manage, and the permissions of every role added or taken away (of every role held, "
                    + "to change the status); only an owner grants or takes away the owner role, and the last "
                    + "active owner stays one. Honours If-Match (412 when stale).")
    HttpResponse<MemberResponse> update(@PathVariable UUID userId, @Body UpdateMemberRequest request,
            @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        var member = updateMember.update(new UpdateMemberCommand(new UserId(userId), EntityTags.ifMatch(ifMatch),
                request.roles().<Set<String>>map(LinkedHashSet::new), request.status().map(MembershipStatus::fromCode)));
        return withEntityTag(HttpResponse.ok(), member);
    }

    @Delete("/{userId}")
    @Status(HttpStatus.NO_CONTENT)
    @ApiContract.NoContent
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_JSON_PROBLEM})
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @ApiContract.Conflict
    @ApiContract.PreconditionFailed
    @Operation(operationId = "deleteMember", summary = "Remove a member from the organization",
            description = "Their roles go and their tasks are unassigned; their account stays. Needs members:manage "
                    + "and the permissions of every role they hold; the last active owner cannot be removed. "
                    + "Honours If-Match (412 when stale).")
    HttpResponse<Void> remove(@PathVariable UUID userId, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        removeMember.remove(new UserId(userId), EntityTags.ifMatch(ifMatch));
        return HttpResponse.noContent();
    }

    private MutableHttpResponse<MemberResponse> withEntityTag(MutableHttpResponse<?> response, Member member) {
        return response.body(mapper.toResponse(member))
                .header(HttpHeaders.ETAG, EntityTags.of(member.membership().version()));
    }
}
