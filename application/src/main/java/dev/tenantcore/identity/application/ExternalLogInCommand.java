package dev.tenantcore.identity.application;

import java.time.Duration;
import java.util.Objects;

/**
 * A login through a provider to one organization, named by slug or id (validated by the use case: every failure
 * must look alike).
 *
 * @param providerRecheck how long the login's refresh tokens may be used before the person must log in through the
 *                        provider again (which then tells whether they still may); null for no such limit
 */
public record ExternalLogInCommand(ExternalIdentity identity, String organization, ExternalLoginPolicy policy,
        Duration providerRecheck) {
    public ExternalLogInCommand {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(policy, "policy");
        if (providerRecheck != null && (providerRecheck.isNegative() || providerRecheck.isZero())) {
            throw new IllegalArgumentException("providerRecheck must be positive");
        }
    }

    public ExternalLogInCommand(ExternalIdentity identity, String organization, ExternalLoginPolicy policy) {
        this(identity, organization, policy, null);
    }
}
