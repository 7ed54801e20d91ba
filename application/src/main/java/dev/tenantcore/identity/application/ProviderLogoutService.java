package dev.tenantcore.identity.application;

import dev.tenantcore.identity.domain.ExternalLoginLookup;
import dev.tenantcore.identity.domain.RefreshTokenRepository;
import dev.tenantcore.shared.application.TenantTransactions;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Ends Tenantcore's sessions of a person whose session at a provider ended. */
@Singleton
final class ProviderLogoutService implements EndProviderSessionsUseCase {
    private static final System.Logger LOG = System.getLogger(ProviderLogoutService.class.getName());

    private final ExternalLoginLookup lookup;
    private final RefreshTokenRepository refreshTokens;
    private final TenantTransactions transactions;
    private final Clock clock;

    ProviderLogoutService(ExternalLoginLookup lookup, RefreshTokenRepository refreshTokens,
            TenantTransactions transactions, Clock clock) {
        this.lookup = lookup;
        this.refreshTokens = refreshTokens;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public int endProviderSessions(String provider, String subject, String sessionId) {
        var now = clock.instant();
        var revoked = 0;
        for (var membership : lookup.findMemberships(provider, subject)) {
            revoked += transactions.writeForUser(membership.organizationId(), membership.userId(),
                    () -> refreshTokens.revokeProviderSessions(membership.userId(), membership.organizationId(),
                            provider, subject, sessionId, now));
        }
        LOG.log(System.Logger.Level.INFO, "{0} logged a session out: {1} refresh token(s) revoked", provider,
                revoked);
        return revoked;
    }
}
