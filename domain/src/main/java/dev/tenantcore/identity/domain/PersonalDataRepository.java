package dev.tenantcore.identity.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a person's data export reads besides the account, profile and preferences. Every method runs in a
 * transaction whose user is that person. Nothing here returns a password hash or a token hash.
 */
public interface PersonalDataRepository {

    /** When the password was last set; empty when the account has none (it logs in through a provider only). */
    Optional<Instant> findPasswordChangedAt(UserId userId);

    /** Oldest link first. */
    List<LinkedExternalLogin> findExternalLogins(UserId userId);

    /** Every refresh token the user holds, in every organization, used and revoked ones too; oldest first. */
    List<RefreshSession> findRefreshSessions(UserId userId);

    /**
     * The user's memberships in every organization, oldest first, with role names for {@code current} (the
     * transaction's organization) only: other organizations' roles are theirs.
     */
    List<OwnMembership> findMemberships(OrganizationId current, UserId userId);
}
