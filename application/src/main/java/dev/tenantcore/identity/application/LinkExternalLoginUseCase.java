package dev.tenantcore.identity.application;

import dev.tenantcore.identity.domain.ExternalLogin;

public interface LinkExternalLoginUseCase {

    /**
     * Links the provider's subject to the account that asked for it. Linking it again to the same account returns
     * the existing link; a subject linked to another account is a {@code ConflictException}; an account that is
     * gone or suspended meanwhile is an {@code AuthenticationFailedException}.
     */
    Linked link(PendingLink pending, ExternalIdentity identity);

    /** The link, and whether this call made it. */
    record Linked(ExternalLogin login, boolean created) {
    }
}
