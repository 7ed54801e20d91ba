package dev.tenantcore.shared.adapter.web;

import dev.tenantcore.shared.application.CurrentTenant;
import dev.tenantcore.shared.domain.OrganizationId;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.utils.SecurityService;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.UUID;

/**
 * The tenant of the current request, taken from the verified credential and from nothing else. Every
 * authentication mechanism (API keys now, user tokens later) puts the organization into the
 * {@link Authentication} under {@link #ORGANIZATION_ATTRIBUTE}.
 */
@Singleton
public final class AuthenticatedTenant implements CurrentTenant {
    public static final String ORGANIZATION_ATTRIBUTE = "organizationId";

    private final SecurityService security;

    AuthenticatedTenant(SecurityService security) {
        this.security = security;
    }

    public static Map<String, Object> attributes(OrganizationId organizationId) {
        return Map.of(ORGANIZATION_ATTRIBUTE, organizationId.value().toString());
    }

    @Override
    public OrganizationId organizationId() {
        return security.getAuthentication()
                .map(authentication -> authentication.getAttributes().get(ORGANIZATION_ATTRIBUTE))
                .map(value -> new OrganizationId(UUID.fromString(value.toString())))
                .orElseThrow(() -> new IllegalStateException("no authenticated organization in this request"));
    }
}
