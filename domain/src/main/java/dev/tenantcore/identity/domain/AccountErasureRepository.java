package dev.tenantcore.identity.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;

/**
 * Erasing a person's account, one organization at a time and then the account itself. The audit trigger on
 * memberships and member roles records each removal in the organization it happens in, and the database accepts an
 * audit event only for the transaction's organization: so {@link #leave} runs in a transaction for
 * {@code organizationId}, and {@link #deleteAccount} only once no membership is left.
 */
public interface AccountErasureRepository {

    /**
     * Whether the user is an active owner of the organization whom no other active owner backs up. Takes the
     * organization's ownership lock first (held until the transaction ends), so two owners leaving at once cannot
     * both see the other and leave no owner behind.
     */
    boolean isLastActiveOwner(OrganizationId organizationId, UserId userId);

    /**
     * Ends the user's membership of the organization: its roles and refresh tokens go with it, tasks assigned to the
     * user are unassigned, and invitations the user accepted forget who accepted them. Does nothing if the user is
     * not a member.
     */
    void leave(OrganizationId organizationId, UserId userId);

    /**
     * Locks the account's row until the transaction ends, so that no membership can be added to it meanwhile;
     * false when the account no longer exists.
     */
    boolean lockAccount(UserId userId);

    /**
     * Deletes the account and the user's own rows with it: credentials, external logins, profile, preferences.
     * Memberships must be gone already (see {@link #leave}).
     */
    void deleteAccount(UserId userId);
}
