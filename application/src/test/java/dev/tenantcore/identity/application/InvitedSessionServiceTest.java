package dev.tenantcore.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.access.application.InvitationAcceptance;
import dev.tenantcore.access.application.MemberProvisioning;
import dev.tenantcore.access.domain.AccessPermissions;
import dev.tenantcore.identity.domain.RefreshToken;
import dev.tenantcore.identity.domain.RefreshTokenRepository;
import dev.tenantcore.identity.domain.RefreshTokenValue;
import dev.tenantcore.organizations.domain.OrganizationPermissions;
import dev.tenantcore.shared.application.Caller;
import dev.tenantcore.shared.application.FakeTenantTransactions;
import dev.tenantcore.shared.application.FakeTenantTransactions.Outcome;
import dev.tenantcore.shared.application.FakeTenantTransactions.Transaction;
import dev.tenantcore.shared.domain.Actor;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Permission;
import dev.tenantcore.shared.domain.UserId;
import dev.tenantcore.tasks.domain.TaskPermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvitedSessionServiceTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Set<Permission> VIEWER = Set.of(OrganizationPermissions.READ, AccessPermissions.MEMBERS_READ,
            TaskPermissions.READ);

    private final OrganizationId acme = OrganizationId.generate();
    private final UserId grace = UserId.generate();
    private final FakeTenantTransactions transactions = new FakeTenantTransactions();
    private final List<RefreshToken> inserted = new ArrayList<>();
    private Optional<Set<Permission>> permissions = Optional.of(VIEWER);
    private Actor caller = Actor.ANONYMOUS;

    private final MemberProvisioning members = new MemberProvisioning() {
        @Override
        public void addMember(OrganizationId organizationId, UserId userId, Set<String> roleNames) {
            throw new AssertionError("not used");
        }

        @Override
        public Optional<Set<Permission>> activeMemberPermissions(OrganizationId organizationId, UserId userId) {
            transactions.requireActive(organizationId);
            return organizationId.equals(acme) && userId.equals(grace) ? permissions : Optional.empty();
        }
    };

    private final RefreshTokenRepository refreshTokens = new RefreshTokenRepository() {
        @Override
        public void insert(RefreshToken token) {
            transactions.requireWritable(token.organizationId());
            inserted.add(token);
        }

        @Override
        public Optional<RefreshToken> findById(UserId userId, UUID id) {
            throw new AssertionError("not used");
        }

        @Override
        public boolean markUsed(UserId userId, UUID id, Instant at) {
            throw new AssertionError("not used");
        }

        @Override
        public void revokeFamily(UserId userId, UUID familyId, Instant at) {
            throw new AssertionError("not used");
        }

        @Override
        public void revokeAll(UserId userId, Instant at) {
            throw new AssertionError("not used");
        }

        @Override
        public int revokeProviderSessions(UserId userId, OrganizationId organizationId, String provider,
                String subject, String sessionId, Instant at) {
            throw new AssertionError("not used");
        }
    };

    private final InvitedSessionService service = new InvitedSessionService(refreshTokens, members, transactions,
            new SessionSettings(Duration.ofMinutes(15), Duration.ofDays(30)), new MutableClock(NOW));

    private InvitationAcceptance acceptance(boolean newAccount) {
        return new InvitationAcceptance(acme, grace, Set.of("viewer"), newAccount);
    }

    @Test
    void aNewAccountIsLoggedInToTheOrganizationItJoined() {
        var session = service.startAfter(acceptance(true)).orElseThrow();

        assertThat(session.userId()).isEqualTo(grace);
        assertThat(session.organizationId()).isEqualTo(acme);
        assertThat(session.permissions()).isEqualTo(VIEWER);
        assertThat(session.accessTokenExpiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(session.refreshTokenExpiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        var value = RefreshTokenValue.parse(session.refreshToken()).orElseThrow();
        assertThat(inserted).singleElement().satisfies(token -> {
            assertThat(token.matches(value)).isTrue();
            assertThat(token.organizationId()).isEqualTo(acme);
            assertThat(token.userId()).isEqualTo(grace);
        });
        assertThat(transactions.onlyTransaction()).isEqualTo(new Transaction(acme, false, Outcome.COMMITTED));
    }

    @Test
    void anExistingAccountThatProvedItselfIsLoggedInToTheNewOrganization() {
        assertThat(service.startAfter(acceptance(false))).hasValueSatisfying(
                session -> assertThat(session.organizationId()).isEqualTo(acme));
        assertThat(inserted).hasSize(1);
    }

    @Test
    void noSessionOnceTheMembershipIsGone() {
        permissions = Optional.empty();

        assertThat(service.startAfter(acceptance(true))).isEmpty();
        assertThat(inserted).isEmpty();
    }
}
