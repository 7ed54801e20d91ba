package dev.tenantcore.identity.application;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import java.util.Objects;

/**
 * A link the calling user asked for and the provider has yet to confirm: the account, and the organization of the
 * token that asked (the transactions that finish the link run in it).
 */
public record PendingLink(UserId userId, OrganizationId organizationId) {
    public PendingLink {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(organizationId, "organizationId");
    }
}
