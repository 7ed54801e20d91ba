package dev.tenantcore.identity.adapter.web;

import dev.tenantcore.identity.application.ExternalLoginPolicy;
import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

/**
 * {@code tenantcore.oidc.providers.<name>.*}: what Tenantcore lets one provider do beyond logging in the subjects
 * linked to accounts. The provider itself (issuer, client id and secret) is Micronaut's
 * {@code micronaut.security.oauth2.clients.<name>}; a provider without settings here gets the defaults (both off).
 */
@EachProperty("tenantcore.oidc.providers")
final class OidcProviderSettings {
    private final String name;
    private boolean linkByVerifiedEmail;
    private boolean allowSignUp;

    OidcProviderSettings(@Parameter String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public boolean isLinkByVerifiedEmail() {
        return linkByVerifiedEmail;
    }

    /**
     * A subject not linked yet enters the existing account whose address equals the one the provider verified.
     * Only for providers that own the addresses they assert (a company's identity provider for its own domain).
     */
    public void setLinkByVerifiedEmail(boolean linkByVerifiedEmail) {
        this.linkByVerifiedEmail = linkByVerifiedEmail;
    }

    public boolean isAllowSignUp() {
        return allowSignUp;
    }

    /** A subject not linked yet, with a verified address no account has, gets a new account (no password). */
    public void setAllowSignUp(boolean allowSignUp) {
        this.allowSignUp = allowSignUp;
    }

    ExternalLoginPolicy policy() {
        return new ExternalLoginPolicy(linkByVerifiedEmail, allowSignUp);
    }
}
