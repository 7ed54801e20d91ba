package dev.tenantcore.identity.adapter.web;

import dev.tenantcore.identity.application.LogInCommand;
import dev.tenantcore.identity.application.LogInUseCase;
import dev.tenantcore.identity.application.LogOutUseCase;
import dev.tenantcore.identity.application.RefreshSessionUseCase;
import dev.tenantcore.shared.adapter.web.ApiContract;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Logging in with a password, refreshing, logging out. Public: the body is the credential. */
@Controller("/v1/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Identity")
class AuthController {
    private final LogInUseCase logIn;
    private final RefreshSessionUseCase refresh;
    private final LogOutUseCase logOut;
    private final IssuedTokens tokens;

    AuthController(LogInUseCase logIn, RefreshSessionUseCase refresh, LogOutUseCase logOut, IssuedTokens tokens) {
        this.logIn = logIn;
        this.refresh = refresh;
        this.logOut = logOut;
        this.tokens = tokens;
    }

    @Post("/token")
    @ApiContract.Ok
    @ApiContract.BadRequest
    @ApiContract.Unauthorized
    @ApiContract.UnprocessableContent
    @Operation(operationId = "createAccessToken", summary = "Log in to one organization with e-mail and password",
            description = "Returns an access token scoped to that organization and a refresh token. Wrong password, "
                    + "unknown address, not a member: the same 401. Repeated failures are slowed down; an account "
                    + "is then refused (429 with Retry-After) from the network that failed, and everywhere after "
                    + "failures from several networks. A network's failures over many accounts only slow it down.")
    HttpResponse<TokenResponse> token(@Body TokenRequest request) {
        var command = new LogInCommand(request.email(), request.password(), request.organization());
        return tokens.response(logIn.logIn(command));
    }

    @Post("/refresh")
    @ApiContract.Ok
    @ApiContract.BadRequest
    @ApiContract.Unauthorized
    @ApiContract.UnprocessableContent
    @Operation(operationId = "refreshAccessToken", summary = "Exchange a refresh token for new tokens",
            description = "The refresh token is replaced; presenting a used one again revokes its whole family. "
                    + "The permissions are read afresh.")
    HttpResponse<TokenResponse> refresh(@Body @Valid RefreshTokenRequest request) {
        return tokens.response(refresh.refresh(request.refreshToken()));
    }

    @Post("/logout")
    @Status(HttpStatus.NO_CONTENT)
    @ApiContract.NoContent
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_JSON_PROBLEM})
    @ApiContract.BadRequest
    @ApiContract.UnprocessableContent
    @Operation(operationId = "revokeRefreshToken", summary = "Revoke a refresh token and its family",
            description = "204 whatever the token: logging out cannot be used to test tokens.")
    void logout(@Body @Valid RefreshTokenRequest request) {
        logOut.logOut(request.refreshToken());
    }
}
