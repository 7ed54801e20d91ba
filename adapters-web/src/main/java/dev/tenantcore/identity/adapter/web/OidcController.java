package dev.tenantcore.identity.adapter.web;

import dev.tenantcore.identity.adapter.web.OidcFlowCookies.Link;
import dev.tenantcore.identity.adapter.web.OidcFlowCookies.LogIn;
import dev.tenantcore.identity.application.ExternalIdentity;
import dev.tenantcore.identity.application.ExternalLogInCommand;
import dev.tenantcore.identity.application.LinkExternalLoginUseCase;
import dev.tenantcore.identity.application.LogInExternallyUseCase;
import dev.tenantcore.identity.adapter.web.OidcLoginRefusedException.Cause;
import dev.tenantcore.identity.application.PendingLink;
import dev.tenantcore.identity.application.EndProviderSessionsUseCase;
import dev.tenantcore.identity.application.RefreshSessionUseCase;
import dev.tenantcore.shared.adapter.web.Problem;
import io.micronaut.http.MediaType;
import io.micronaut.http.cookie.Cookie;
import dev.tenantcore.shared.domain.ConflictException;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import jakarta.validation.Valid;
import java.net.URI;
import dev.tenantcore.identity.application.Session;
import dev.tenantcore.shared.adapter.web.ApiContract;
import dev.tenantcore.shared.domain.AuthenticationFailedException;
import dev.tenantcore.shared.domain.InvariantViolationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Logging in through an OpenID Connect provider: {@code authorize} sends the browser to the provider, which sends
 * it back to {@code callback}. The callback answers like POST /v1/auth/token: JSON with this service's own
 * tokens; nothing the provider issued is kept. Every callback answer, failures too, removes the flow's cookie
 * ({@link OidcCallbackCookieFilter}). The same callback finishes the links that
 * POST /v1/me/external-logins/{provider} starts.
 */
@Controller("/v1/auth/oidc")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Identity")
class OidcController {
    private static final System.Logger LOG = System.getLogger(OidcController.class.getName());
    static final String HANDOFF_PREFIX = "tcx_";
    private static final String REFRESH_PREFIX = "tcr_";
    private final OidcProviders providers;
    private final OidcFlows flows;
    private final LogInExternallyUseCase logIn;
    private final LinkExternalLoginUseCase link;
    private final IssuedTokens tokens;
    private final RefreshSessionUseCase refresh;
    private final OidcReturnAddresses returnAddresses;
    private final OidcLogouts logouts;
    private final EndProviderSessionsUseCase endSessions;
    private final OidcSettings settings;

    OidcController(OidcProviders providers, OidcFlows flows, LogInExternallyUseCase logIn,
            LinkExternalLoginUseCase link, IssuedTokens tokens, RefreshSessionUseCase refresh,
            OidcReturnAddresses returnAddresses, OidcLogouts logouts, EndProviderSessionsUseCase endSessions,
            OidcSettings settings) {
        this.logouts = logouts;
        this.endSessions = endSessions;
        this.settings = settings;
        this.providers = providers;
        this.flows = flows;
        this.logIn = logIn;
        this.link = link;
        this.tokens = tokens;
        this.refresh = refresh;
        this.returnAddresses = returnAddresses;
    }

    @Get("/{provider}/authorize{?organization,returnTo}")
    @ApiContract.NotFound
    @ApiContract.UnprocessableContent
    @ApiContract.TooManyRequests
    @ProviderUnavailable
    @Operation(operationId = "startOidcLogin",
            summary = "Start logging in to an organization through an OpenID Connect provider",
            description = "Redirects (302) to the provider, with a cookie that the callback needs: follow it in a "
                    + "browser. With returnTo (an address of tenantcore.oidc.return-addresses), the callback sends "
                    + "the browser there with a one-time code (or an error) instead of answering the tokens. 404 for "
                    + "a provider that is not configured, 422 for a returnTo that is not allowed, 503 while the "
                    + "provider cannot be reached.")
    @ApiResponse(responseCode = "302", description = "To the provider's authorization endpoint", headers = {
            @Header(name = "Location", description = "The provider's authorization URL", required = true,
                    schema = @Schema(type = "string", format = "uri")),
            @Header(name = "Set-Cookie", description = "The flow's cookie, which the callback checks",
                    schema = @Schema(type = "string")),
            @Header(name = ApiContract.REQUEST_ID, description = ApiContract.REQUEST_ID_DESCRIPTION,
                    schema = @Schema(type = "string")),
            @Header(name = ApiContract.RATE_LIMIT, description = ApiContract.RATE_LIMIT_DESCRIPTION,
                    schema = @Schema(type = "string")),
            @Header(name = ApiContract.RATE_LIMIT_POLICY,
                    description = ApiContract.RATE_LIMIT_POLICY_DESCRIPTION,
                    schema = @Schema(type = "string"))})
    HttpResponse<?> authorize(@PathVariable String provider, @Nullable @QueryValue String organization,
            @Nullable @QueryValue @Parameter(description = "Where the callback sends the browser: an address of "
                    + "tenantcore.oidc.return-addresses, or under one") String returnTo,
            HttpRequest<?> request) {
        var chosen = providers.require(provider);
        var named = organization == null ? "" : organization.strip();
        if (!OidcFlowCookies.isOrganizationReference(named)) {
            throw new InvariantViolationException("organization", "must be the organization's slug or id");
        }
        URI back = null;
        if (returnTo != null) {
            back = returnAddresses.allowed(returnTo);
            if (back == null) {
                throw new InvariantViolationException("returnTo", "must be an address the service is configured to "
                        + "return to (tenantcore.oidc.return-addresses)");
            }
        }
        var redirect = flows.start(chosen, new LogIn(chosen.name(), named, back), request);
        // 302 Found, not redirect()'s 301: a permanent redirect may be cached, and each flow's URL is its own.
        return HttpResponse.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, redirect.authorizationUrl().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .cookie(redirect.cookie());
    }

    @Get("/{provider}/callback")
    @ApiContract.Unauthorized
    @ApiContract.NotFound
    @ApiContract.Conflict
    @ApiContract.TooManyRequests
    @ProviderUnavailable
    @Operation(operationId = "completeOidcLogin", summary = "Where the provider sends the browser back",
            description = "For a login: the same JSON tokens as POST /v1/auth/token (200), or 401 with a problem "
                    + "type per cause (oidc-login-cancelled, oidc-provider-error, oidc-login-expired, "
                    + "oidc-login-not-in-progress, oidc-not-a-member), and 409 when a verified address belongs to an "
                    + "account the provider may not enter by itself. A login started with returnTo ends with a 303 "
                    + "there instead, with code=<one-time code> for POST /v1/auth/oidc/exchange, or error=<the "
                    + "problem type's last segment>. For a link: the link (201, or 200 when it existed), 409 when "
                    + "the provider account is linked to someone else.")
    @ApiResponse(responseCode = "303", description = "A login started with returnTo: back there, with a one-time "
            + "code or an error", headers = {
                    @Header(name = "Location", description = "returnTo with code=... or error=...", required = true,
                            schema = @Schema(type = "string", format = "uri")),
                    @Header(name = ApiContract.REQUEST_ID, description = ApiContract.REQUEST_ID_DESCRIPTION,
                            schema = @Schema(type = "string")),
                    @Header(name = ApiContract.RATE_LIMIT, description = ApiContract.RATE_LIMIT_DESCRIPTION,
                            schema = @Schema(type = "string")),
                    @Header(name = ApiContract.RATE_LIMIT_POLICY,
                            description = ApiContract.RATE_LIMIT_POLICY_DESCRIPTION,
                            schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "200", description = "Logged in (the tokens), or the link existed already (the link)",
            headers = {
                    @Header(name = ApiContract.REQUEST_ID, description = ApiContract.REQUEST_ID_DESCRIPTION,
                            schema = @Schema(type = "string")),
                    @Header(name = ApiContract.RATE_LIMIT, description = ApiContract.RATE_LIMIT_DESCRIPTION,
                            schema = @Schema(type = "string")),
                    @Header(name = ApiContract.RATE_LIMIT_POLICY,
                            description = ApiContract.RATE_LIMIT_POLICY_DESCRIPTION,
                            schema = @Schema(type = "string"))},
            content = @Content(mediaType = "application/json", schema = @Schema(oneOf = {TokenResponse.class,
                    ExternalLoginResponse.class})))
    @ApiResponse(responseCode = "201", description = "The link made", headers = {
                    @Header(name = ApiContract.REQUEST_ID, description = ApiContract.REQUEST_ID_DESCRIPTION,
                            schema = @Schema(type = "string")),
                    @Header(name = ApiContract.RATE_LIMIT, description = ApiContract.RATE_LIMIT_DESCRIPTION,
                            schema = @Schema(type = "string")),
                    @Header(name = ApiContract.RATE_LIMIT_POLICY,
                            description = ApiContract.RATE_LIMIT_POLICY_DESCRIPTION,
                            schema = @Schema(type = "string"))},
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ExternalLoginResponse.class)))
    MutableHttpResponse<?> callback(@PathVariable String provider, HttpRequest<?> request) {
        var chosen = providers.require(provider);
        var started = flows.flowOf(chosen, request);
        if (started.flow() instanceof LogIn login && login.returnTo() != null) {
            return handOff(chosen, login, started, request);
        }
        var verified = flows.verify(chosen, started, request);
        return switch (started.flow()) {
            case LogIn login -> ((MutableHttpResponse<?>) tokens.response(
                    logIn(chosen, verified.identity(), login, false)))
                    .cookie(logouts.idTokenCookie(chosen, verified.idToken(), request.isSecure()));
            case Link pending -> {
                var linked = link.link(new PendingLink(pending.userId(), pending.organizationId()),
                        verified.identity());
                yield HttpResponse.status(linked.created() ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(ExternalLoginController.toResponse(linked.login()))
                        .header(HttpHeaders.CACHE_CONTROL, "no-store");
            }
        };
    }

    @Post("/exchange")
    @ApiContract.Ok
    @ApiContract.BadRequest
    @ApiContract.Unauthorized
    @ApiContract.UnprocessableContent
    @Operation(operationId = "exchangeOidcCode", summary = "Exchange a login's one-time code for its tokens",
            description = "The code a login started with returnTo brought back (the code parameter): valid for a "
                    + "minute, once; a second use revokes the tokens the first one gave. The same tokens as POST "
                    + "/v1/auth/token.")
    HttpResponse<TokenResponse> exchange(@Body @Valid OidcCodeExchangeRequest request) {
        var code = request.code();
        if (!code.startsWith(HANDOFF_PREFIX)) {
            throw new AuthenticationFailedException();
        }
        return tokens.response(refresh.refresh(REFRESH_PREFIX + code.substring(HANDOFF_PREFIX.length())));
    }

    @Get("/{provider}/logout{?returnTo}")
    @ApiContract.NotFound
    @ApiContract.UnprocessableContent
    @ApiContract.TooManyRequests
    @ProviderUnavailable
    @Operation(operationId = "logOutAtOidcProvider", summary = "End the browser's session at the provider",
            description = "RP-initiated logout: redirects (302) to the provider's end_session_endpoint with the ID "
                    + "token of the browser's last login through it (kept in an HttpOnly cookie) as id_token_hint, "
                    + "and returnTo (an address of tenantcore.oidc.return-addresses) as post_logout_redirect_uri; "
                    + "straight to returnTo for a provider without one. Revoke the service's own refresh token "
                    + "first (POST /v1/auth/logout).")
    @ApiResponse(responseCode = "302", description = "To the provider's end-session endpoint, or to returnTo",
            headers = {
                    @Header(name = "Location", description = "Where the browser goes next", required = true,
                            schema = @Schema(type = "string", format = "uri")),
                    @Header(name = ApiContract.REQUEST_ID, description = ApiContract.REQUEST_ID_DESCRIPTION,
                            schema = @Schema(type = "string")),
                    @Header(name = ApiContract.RATE_LIMIT, description = ApiContract.RATE_LIMIT_DESCRIPTION,
                            schema = @Schema(type = "string")),
                    @Header(name = ApiContract.RATE_LIMIT_POLICY,
                            description = ApiContract.RATE_LIMIT_POLICY_DESCRIPTION,
                            schema = @Schema(type = "string"))})
    HttpResponse<?> logout(@PathVariable String provider,
            @Nullable @QueryValue @Parameter(description = "Where the provider sends the browser after the logout: "
                    + "an address of tenantcore.oidc.return-addresses, or under one") String returnTo,
            HttpRequest<?> request) {
        var chosen = providers.require(provider);
        URI back = null;
        if (returnTo != null) {
            back = returnAddresses.allowed(returnTo);
            if (back == null) {
                throw new InvariantViolationException("returnTo", "must be an address the service is configured to "
                        + "return to (tenantcore.oidc.return-addresses)");
            }
        }
        var redirect = logouts.endSession(chosen, back, request);
        if (redirect.location() == null) {
            throw new InvariantViolationException("returnTo", "the provider has no end-session endpoint: say "
                    + "where to go instead");
        }
        return HttpResponse.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, redirect.location().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .cookie(redirect.expiredIdToken());
    }

    @Post(uri = "/{provider}/backchannel-logout", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @ApiContract.NoContent
    @ApiContract.NotFound
    @ApiContract.TooManyRequests
    @ProviderUnavailable
    @ApiResponse(responseCode = "400", description = "Not a valid logout token of the provider (or one seen "
            + "before)", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = Problem.class)))
    @Operation(operationId = "oidcBackChannelLogout", summary = "A provider ends a person's sessions",
            // Called by providers, never by the API's clients: the client generators skip x-internal operations.
            extensions = @Extension(properties = @ExtensionProperty(name = "x-internal", value = "true",
                    parseValue = true)),
            description = "OpenID Connect Back-Channel Logout 1.0: register this as the client's "
                    + "backchannel_logout_uri. The logout token (form field logout_token) must verify against the "
                    + "provider's keys, name its issuer and this client, be recent, carry the back-channel logout "
                    + "event and a sub, no nonce, and an unseen jti. Revokes the refresh tokens of the subject's "
                    + "logins through the provider (of its session only, when the token names a sid).")
    HttpResponse<?> backChannelLogout(@PathVariable String provider,
            @Nullable @Body("logout_token") @Parameter(description = "The provider's logout token (a JWT)")
            String logoutToken) {
        var chosen = providers.require(provider);
        var claims = logouts.verifyLogoutToken(chosen, logoutToken);
        endSessions.endProviderSessions(chosen.name(), claims.getSubject().getValue(),
                claims.getSessionID() == null ? null : claims.getSessionID().getValue());
        return HttpResponse.noContent().header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /**
     * Ends a login started with a return address: there, with the one-time code, or with the problem type's last
     * segment as {@code error} (the same causes as the JSON answers).
     */
    private MutableHttpResponse<?> handOff(OidcProvider provider, LogIn login, OidcFlowCookies.Started started,
            HttpRequest<?> request) {
        String parameter;
        Cookie idToken = null;
        try {
            var verified = flows.verify(provider, started, request);
            var session = logIn(provider, verified.identity(), login, true);
            // The session's first refresh token, for a minute, under a prefix of its own: it passes as nothing else.
            parameter = "code=" + HANDOFF_PREFIX + session.refreshToken().substring(REFRESH_PREFIX.length());
            idToken = logouts.idTokenCookie(provider, verified.idToken(), request.isSecure());
        } catch (OidcLoginRefusedException e) {
            parameter = "error=" + lastSegment(e.reason().type());
        } catch (OidcProviderUnavailableException e) {
            parameter = "error=oidc-provider-unavailable";
        } catch (ConflictException e) {
            LOG.log(System.Logger.Level.WARNING, "login through {0} refused: its verified address belongs to an "
                    + "account it may not enter by itself", provider.name());
            parameter = "error=oidc-account-exists";
        }
        var back = login.returnTo().toString();
        var response = HttpResponse.status(HttpStatus.SEE_OTHER)
                .header(HttpHeaders.LOCATION, back + (back.contains("?") ? "&" : "?") + parameter)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer");
        return idToken == null ? response : response.cookie(idToken);
    }

    private static String lastSegment(String type) {
        return type.substring(type.lastIndexOf('/') + 1);
    }

    /**
     * The provider has vouched for the person: from here on, telling them that this gives no access to the
     * organization reveals nothing they could not learn by logging in.
     */
    private Session logIn(OidcProvider provider, ExternalIdentity identity, LogIn login, boolean handOff) {
        try {
            var command = new ExternalLogInCommand(identity, login.organization(), provider.policy(),
                    settings.getProviderRecheck());
            return handOff ? logIn.handOffExternal(command) : logIn.logInExternal(command);
        } catch (AuthenticationFailedException e) {
            LOG.log(System.Logger.Level.WARNING, "login through {0} refused: the subject has no access to the "
                    + "organization asked for", provider.name());
            throw new OidcLoginRefusedException(Cause.NOT_A_MEMBER, "your " + provider.name() + " account gives "
                    + "no access to this organization: ask one of its administrators for an invitation, or link "
                    + "this provider to your account there");
        }
    }
}
