package dev.tenantcore.identity.application;

import dev.tenantcore.access.application.InvitationAcceptance;
import dev.tenantcore.access.application.MemberProvisioning;
import dev.tenantcore.identity.domain.RefreshToken;
import dev.tenantcore.identity.domain.RefreshTokenRepository;
import dev.tenantcore.shared.application.TenantTransactions;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/** The session that can follow an accepted invitation: the same tokens a password login hands out. */
@Singleton
final class InvitedSessionService implements StartInvitedSessionUseCase {
    private final RefreshTokenRepository refreshTokens;
    private final MemberProvisioning members;
    private final TenantTransactions transactions;
    private final SessionSettings settings;
    private final Clock clock;

    InvitedSessionService(RefreshTokenRepository refreshTokens, MemberProvisioning members,
            TenantTransactions transactions, SessionSettings settings, Clock clock) {
        this.refreshTokens = refreshTokens;
        this.members = members;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Optional<Session> startAfter(InvitationAcceptance acceptance) {
        // Every acceptance was proven by the person (their token, their password, or the password they chose).
        var userId = acceptance.userId();
        var organizationId = acceptance.organizationId();
        var now = clock.instant();
        var refreshExpiresAt = now.plus(settings.refreshTokenLifetime());
        var issued = RefreshToken.startFamily(userId, organizationId, refreshExpiresAt);
        return transactions.writeForUser(organizationId, userId, () -> {
            // Read afresh, as a refresh would: the membership may have changed since it was made.
            var permissions = members.activeMemberPermissions(organizationId, userId);
            if (permissions.isEmpty()) {
                return Optional.<Session>empty();
            }
            refreshTokens.insert(issued.token());
            return Optional.of(new Session(userId, organizationId, permissions.get(),
                    now.plus(settings.accessTokenLifetime()), issued.value().reveal(), refreshExpiresAt));
        });
    }
}
