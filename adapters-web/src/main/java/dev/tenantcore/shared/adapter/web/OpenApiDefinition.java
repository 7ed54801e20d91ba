package dev.tenantcore.shared.adapter.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The OpenAPI document's header; micronaut-openapi generates the rest from the controllers at compile time. */
@OpenAPIDefinition(info = @Info(
        title = "Tenantcore",
        version = "v1",
        description = "Multi-tenant SaaS backend. Every request acts for the organization of its API key; "
                + "errors are RFC 9457 application/problem+json."))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key token: 'Authorization: Bearer tc_...'")
final class OpenApiDefinition {
    private OpenApiDefinition() {
    }
}
