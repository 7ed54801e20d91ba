package dev.tenantcore.identity.adapter.web;

import dev.tenantcore.identity.adapter.web.OidcFlowCookies.Link;
import dev.tenantcore.identity.adapter.web.OidcFlowCookies.LogIn;
import dev.tenantcore.identity.application.ExternalIdentity;
import dev.tenantcore.identity.application.ExternalLogInCommand;
import dev.tenantcore.identity.application.LinkExternalLoginUseCase;
import dev.tenantcore.identity.application.LogInExternallyUseCase;
import dev.tenantcore.identity.adapter.web.OidcLoginRefusedException.Cause;
import dev.tenantcore.identity.application.PendingLink;
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
    private final OidcProviders providers;
    private final OidcFlows flows;
    private final LogInExternallyUseCase logIn;
    private final LinkExternalLoginUseCase link;
    private final IssuedTokens tokens;

    OidcController(OidcProviders providers, OidcFlows flows, LogInExternallyUseCase logIn,
            LinkExternalLoginUseCase link, IssuedTokens tokens) {
        this.providers = providers;
        this.flows = flows;
        this.logIn = logIn;
        this.link = link;
        this.tokens = tokens;
    }

    @Get("/{provider}/authorize{?organization}")
    @ApiContract.NotFound
    @ApiContract.UnprocessableContent
    @ApiContract.TooManyRequests
    @Operation(operationId = "startOidcLogin",
            summary = "Start logging in to an organization through an OpenID Connect provider",
            description = "Redirects (302) to the provider, with cookies that the callback needs: follow it in a "
                    + "browser, or keep the cookies. 404 for a provider that is not configured.")
    @ApiResponse(responseCode = "302", description = "To the provider's authorization endpoint", headers = {
            @Header(name = "Location", description = "The provider's authorization URL", required = true,
                    schema = @Schema(type = "string", format = "uri")),
            @Header(name = "Set-Cookie", description = "The state the callback checks",
                    schema = @Schema(type = "string")),
            @Header(name = ApiContract.REQUEST_ID, description = ApiContract.REQUEST_ID_DESCRIPTION,
                    schema = @Schema(type = "string")),
            @Header(name = ApiContract.RATE_LIMIT, description = ApiContract.RATE_LIMIT_DESCRIPTION,
                    schema = @Schema(type = "string")),
            @Header(name = ApiContract.RATE_LIMIT_POLICY, description = ApiContract.RATE_LIMIT_POLICY_DESCRIPTION,
                    schema = @Schema(type = "string"))})
    HttpResponse<?> authorize(@PathVariable String provider, @Nullable @QueryValue String organization,
            HttpRequest<?> request) {
        var chosen = providers.require(provider);
        var named = organization == null ? "" : organization.strip();
        if (!OidcFlowCookies.isOrganizationReference(named)) {
            throw new InvariantViolationException("organization", "must be the organization's slug or id");
        }
        var redirect = flows.start(chosen, new LogIn(chosen.name(), named), request);
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
    @Operation(operationId = "completeOidcLogin", summary = "Where the provider sends the browser back",
            description = "For a login: the same JSON tokens as POST /v1/auth/token (200), or 401 when the "
                    + "provider's answer does not verify, the account is unknown or not a member, and 409 when a "
                    + "verified address belongs to an account the provider may not enter by itself. For a link: "
                    + "the link (201, or 200 when it existed), 409 when the provider account is linked to someone "
                    + "else.")
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
        var identity = flows.verify(chosen, started, request);
        return switch (started.flow()) {
            case LogIn login -> (MutableHttpResponse<?>) tokens.response(logInAs(chosen, identity, login));
            case Link pending -> {
                var linked = link.link(new PendingLink(pending.userId(), pending.organizationId()), identity);
                yield HttpResponse.status(linked.created() ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(ExternalLoginController.toResponse(linked.login()))
                        .header(HttpHeaders.CACHE_CONTROL, "no-store");
            }
        };
    }

    /**
     * The provider has vouched for the person: from here on, telling them that this gives no access to the
     * organization reveals nothing they could not learn by logging in.
     */
    private Session logInAs(OidcProvider provider,
            ExternalIdentity identity, LogIn login) {
        try {
            return logIn.logInExternal(new ExternalLogInCommand(identity, login.organization(), provider.policy()));
        } catch (AuthenticationFailedException e) {
            LOG.log(System.Logger.Level.WARNING, "login through {0} refused: the subject has no access to the "
                    + "organization asked for", provider.name());
            throw new OidcLoginRefusedException(Cause.NOT_A_MEMBER, "your " + provider.name() + " account gives "
                    + "no access to this organization: ask one of its administrators for an invitation, or link "
                    + "this provider to your account there");
        }
    }
}
