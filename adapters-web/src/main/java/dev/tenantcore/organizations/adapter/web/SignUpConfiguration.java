package dev.tenantcore.organizations.adapter.web;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code tenantcore.signup.enabled}: whether anyone may create an organization through the public API. */
@ConfigurationProperties("tenantcore.signup")
final class SignUpConfiguration {
    private boolean enabled = true;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
