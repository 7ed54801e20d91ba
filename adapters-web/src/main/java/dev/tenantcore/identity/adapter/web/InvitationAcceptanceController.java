package dev.tenantcore.identity.adapter.web;

import dev.tenantcore.access.application.AcceptInvitationCommand;
import dev.tenantcore.access.application.AcceptInvitationUseCase;
import dev.tenantcore.identity.application.StartInvitedSessionUseCase;
import dev.tenantcore.shared.adapter.web.ApiContract;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * Accepting an invitation. The invitation is the access context's; this endpoint lives with identity because it
 * may create the account and log the person in, which the access context cannot reach (identity depends on access,
 * not the other way round).
 */
@Controller("/v1/invitations/accept")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Identity")
class InvitationAcceptanceController {
    private final AcceptInvitationUseCase accept;
    private final StartInvitedSessionUseCase sessions;
    private final IssuedTokens issuedTokens;

    InvitationAcceptanceController(AcceptInvitationUseCase accept, StartInvitedSessionUseCase sessions,
            IssuedTokens issuedTokens) {
        this.accept = accept;
        this.sessions = sessions;
        this.issuedTokens = issuedTokens;
    }

    @Post
    @ApiContract.Ok
    @ApiContract.BadRequest
    @ApiContract.Unauthorized
    @ApiContract.Forbidden
    @ApiContract.NotFound
    @ApiContract.Conflict
    @ApiContract.UnprocessableContent
    @Operation(operationId = "acceptInvitation",
            summary = "Accept an invitation: become a member of the organization that sent it",
            description = "Public, but nobody joins without their own credential: with a user's access token, the "
                    + "invitation must be for that user's address; without one, password is required and is either "
                    + "the password of the account with the invited address (checked and throttled like a login: "
                    + "401 when wrong, 429 when repeated) or, when no account has the address, the password of a "
                    + "new account (with displayName). The response carries tokens as from POST /v1/auth/token. "
                    + "An API key is refused (403). 404 for an unknown token; 409 for an expired, revoked or used "
                    + "one.")
    HttpResponse<InvitationAcceptanceResponse> accept(@Body @Valid AcceptInvitationRequest request) {
        var accepted = accept.accept(new AcceptInvitationCommand(request.token(), request.password(),
                request.displayName()));
        var tokens = sessions.startAfter(accepted).map(issuedTokens::body).orElse(null);
        var body = new InvitationAcceptanceResponse(accepted.organizationId().value(), accepted.userId().value(),
                accepted.roles().stream().sorted().toList(), accepted.newAccount(), tokens);
        // Tokens must not be cached by anything between the service and the client (RFC 6749 5.1).
        return HttpResponse.ok(body).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
