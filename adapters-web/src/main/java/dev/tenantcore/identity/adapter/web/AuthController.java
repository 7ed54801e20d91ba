package dev.tenantcore.identity.adapter.web;

import dev.tenantcore.identity.application.LogInCommand;
import dev.tenantcore.identity.application.LogInUseCase;
import dev.tenantcore.identity.application.LogOutUseCase;
import dev.tenantcore.identity.application.RefreshSessionUseCase;
import dev.tenantcore.identity.application.Session;
import dev.tenantcore.shared.domain.Permission;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.HttpStatus;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Logging in with a password, refreshing, logging out. Public: the body is the credential. */
@Controller("/v1/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Authentication")
class AuthController {
    private final LogInUseCase logIn;
    private final RefreshSessionUseCase refresh;
    private final LogOutUseCase logOut;
    private final AccessTokens accessTokens;
    private final Clock clock;

    AuthController(LogInUseCase logIn, RefreshSessionUseCase refresh, LogOutUseCase logOut,
            AccessTokens accessTokens, Clock clock) {
        this.logIn = logIn;
        this.refresh = refresh;
        this.logOut = logOut;
        this.accessTokens = accessTokens;
        this.clock = clock;
    }

    @Post("/token")
    @Operation(summary = "Log in to one organization with e-mail and password",
            description = "Returns an access token scoped to that organization and a refresh token. Wrong password, "
                    + "unknown address, not a member: the same 401. Repeated failures per account and per client "
                    + "address are slowed down, then refused with 429 and Retry-After.")
    HttpResponse<TokenResponse> token(@Body TokenRequest request) {
        return issued(logIn.logIn(new LogInCommand(request.email(), request.password(), request.organization())));
    }

    @Post("/refresh")
    @Operation(summary = "Exchange a refresh token for new tokens",
            description = "The refresh token is replaced; presenting a used one again revokes its whole family. "
                    + "The permissions are read afresh.")
    HttpResponse<TokenResponse> refresh(@Body @Valid RefreshTokenRequest request) {
        return issued(refresh.refresh(request.refreshToken()));
    }

    @Post("/logout")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a refresh token and its family",
            description = "204 whatever the token: logging out cannot be used to test tokens.")
    void logout(@Body @Valid RefreshTokenRequest request) {
        logOut.logOut(request.refreshToken());
    }

    /** Whole seconds, rounded up: the session was made a moment before this response. */
    private static long secondsUntil(Instant now, Instant expiresAt) {
        return (Duration.between(now, expiresAt).toMillis() + 999) / 1000;
    }

    private HttpResponse<TokenResponse> issued(Session session) {
        var now = clock.instant();
        var body = new TokenResponse(accessTokens.sign(session, now.getEpochSecond()), "Bearer",
                secondsUntil(now, session.accessTokenExpiresAt()), session.refreshToken(),
                session.refreshTokenExpiresAt(), session.userId().value(), session.organizationId().value(),
                session.permissions().stream().map(Permission::code).sorted().toList());
        // Tokens must not be cached by anything between the service and the client (RFC 6749 5.1).
        return HttpResponse.ok(body).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
