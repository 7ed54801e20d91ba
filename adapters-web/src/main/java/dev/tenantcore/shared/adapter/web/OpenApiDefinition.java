package dev.tenantcore.shared.adapter.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The OpenAPI document's header; micronaut-openapi generates the rest from the controllers at compile time. */
@OpenAPIDefinition(info = @Info(
        title = "Tenantcore",
        version = "v1",
        description = "Multi-tenant SaaS backend. Every request acts for the organization of its credential (an "
                + "API key, or a user's access token, which is scoped to one organization) and may do what the "
                + "credential's roles permit; errors are RFC 9457 application/problem+json."))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key ('Authorization: Bearer tc_...') or a user's access token (the JWT from "
                + "POST /v1/auth/token)")
final class OpenApiDefinition {
    private OpenApiDefinition() {
    }
}
