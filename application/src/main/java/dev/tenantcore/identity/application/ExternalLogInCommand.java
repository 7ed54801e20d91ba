package dev.tenantcore.identity.application;

import java.util.Objects;

/**
 * A login through a provider to one organization, named by slug or id (validated by the use case: every failure
 * must look alike).
 */
public record ExternalLogInCommand(ExternalIdentity identity, String organization, ExternalLoginPolicy policy) {
    public ExternalLogInCommand {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(policy, "policy");
    }
}
