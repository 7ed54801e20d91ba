package dev.tenantcore.identity.adapter.web;

import dev.tenantcore.identity.application.ExternalLoginPolicy;
import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

/**
 * {@code tenantcore.oidc.providers.<name>.*}: one OpenID Connect provider people may log in through (its issuer,
 * and this service's client id and secret there), and what Tenantcore lets it do beyond logging in the subjects
 * linked to accounts (both off by default).
 */
@EachProperty("tenantcore.oidc.providers")
final class OidcProviderSettings {
    private final String name;
    private String issuer;
    private String clientId;
    private String clientSecret;
    private boolean linkByVerifiedEmail;
    private boolean allowSignUp;

    OidcProviderSettings(@Parameter String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public String getIssuer() {
        return issuer;
    }

    /** The issuer identifier: its discovery document and every ID token must name exactly this issuer. */
    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    @Override
    public String toString() {
        return "OidcProviderSettings[" + name + ", " + issuer + "]"; // never the secret
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
