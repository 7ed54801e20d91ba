package dev.tenantcore.shared.adapter.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Contact;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import io.swagger.v3.oas.annotations.servers.ServerVariable;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The OpenAPI document's header; micronaut-openapi generates the rest from the controllers at compile time. What
 * every operation shares (problem responses, headers, security) comes from {@link ApiContract}'s annotations.
 */
@OpenAPIDefinition(
        info = @Info(
                title = "Tenantcore",
                version = "v1",
                description = "Multi-tenant SaaS backend. Every request acts for the organization of its credential "
                        + "(an API key, or a user's access token, which is scoped to one organization) and may do "
                        + "what the credential's roles permit. Errors are RFC 9457 application/problem+json. Lists "
                        + "are keyset-paginated: pass a page's nextCursor back as cursor.",
                contact = @Contact(name = "Tenantcore", url = "https://tenantcore.dev"),
                license = @License(name = "Proprietary", url = "https://tenantcore.dev/license")),
        servers = @Server(url = "{scheme}://{host}", description = "Where the service runs; by default the one "
                + "started with ./mvnw -Prun", variables = {
                        @ServerVariable(name = "scheme", defaultValue = "http", allowableValues = {"http", "https"},
                                description = "http or https"),
                        @ServerVariable(name = "host", defaultValue = "localhost:8080",
                                description = "Host and port")}),
        tags = {
                @Tag(name = "Organizations", description = "Sign-up and the caller's organization (the tenant)"),
                @Tag(name = "Identity", description = "People: logging in, tokens, the caller's own account, "
                        + "profile, preferences and external logins, accepting invitations"),
                @Tag(name = "Access", description = "Members, roles and permissions, invitations"),
                @Tag(name = "API keys", description = "The organization's API keys"),
                @Tag(name = "Tasks", description = "The organization's tasks"),
                @Tag(name = "Audit log", description = "Who changed what, when, from where"),
                @Tag(name = "Health", description = "Whether the service and its database are up")})
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key ('Authorization: Bearer tc_...') or a user's access token (the JWT from "
                + "POST /v1/auth/token)")
final class OpenApiDefinition {
    private OpenApiDefinition() {
    }
}
