package dev.tenantcore.identity.adapter.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.util.List;

/** {@code tenantcore.oidc.*}: what applies to every OpenID Connect provider. */
@ConfigurationProperties("tenantcore.oidc")
final class OidcSettings {
    private Duration loginWindow = Duration.ofMinutes(10);
    private Duration providerTimeout = Duration.ofSeconds(5);
    private List<String> returnAddresses = List.of();
    private Duration providerRecheck = Duration.ofHours(8);

    public Duration getLoginWindow() {
        return loginWindow;
    }

    /** How long a browser has from {@code authorize} to the callback (at the provider, typing a password...). */
    public void setLoginWindow(Duration loginWindow) {
        if (loginWindow.isNegative() || loginWindow.isZero()) {
            throw new IllegalArgumentException("tenantcore.oidc.login-window must be positive");
        }
        this.loginWindow = loginWindow;
    }

    public Duration getProviderTimeout() {
        return providerTimeout;
    }

    /** How long a call to a provider (discovery, keys, token endpoint) may take to connect, and to answer. */
    public void setProviderTimeout(Duration providerTimeout) {
        if (providerTimeout.isNegative() || providerTimeout.isZero()) {
            throw new IllegalArgumentException("tenantcore.oidc.provider-timeout must be positive");
        }
        this.providerTimeout = providerTimeout;
    }

    public Duration getProviderRecheck() {
        return providerRecheck;
    }

    /**
     * How long the tokens of a login through a provider may be refreshed before the person must log in through
     * the provider again: the bound on how long someone disabled there keeps access when no back-channel logout
     * comes.
     */
    public void setProviderRecheck(Duration providerRecheck) {
        if (providerRecheck.isNegative() || providerRecheck.isZero()) {
            throw new IllegalArgumentException("tenantcore.oidc.provider-recheck must be positive");
        }
        this.providerRecheck = providerRecheck;
    }

    public List<String> getReturnAddresses() {
        return returnAddresses;
    }

    /** The front ends a login or logout may send the browser back to ({@link OidcReturnAddresses}). */
    public void setReturnAddresses(List<String> returnAddresses) {
        this.returnAddresses = List.copyOf(returnAddresses);
    }
}
