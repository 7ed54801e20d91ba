package dev.tenantcore.identity.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.identity.domain.EmailAddress;
import dev.tenantcore.identity.domain.LinkedExternalLogin;
import dev.tenantcore.identity.domain.OwnMembership;
import dev.tenantcore.identity.domain.User;
import dev.tenantcore.identity.domain.UserProfile;
import dev.tenantcore.shared.application.Caller;
import dev.tenantcore.shared.application.FakeTenantTransactions;
import dev.tenantcore.shared.application.FakeTenantTransactions.Outcome;
import dev.tenantcore.shared.application.FakeTenantTransactions.Transaction;
import dev.tenantcore.shared.application.FixedCurrentTenant;
import dev.tenantcore.shared.domain.AccessDeniedException;
import dev.tenantcore.shared.domain.Actor;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccountErasureServiceTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final FakeTenantTransactions transactions = new FakeTenantTransactions();
    private final InMemoryPeople people = new InMemoryPeople(transactions, clock);
    private final ErasedAccounts erased = new ErasedAccounts(
            new SessionSettings(Duration.ofMinutes(15), Duration.ofDays(30)), clock);
    private final OrganizationId acme = OrganizationId.generate();
    private final OrganizationId globex = OrganizationId.generate();
    private final OrganizationId initech = OrganizationId.generate();
    private final UserId ada = UserId.generate();
    private final UserId grace = UserId.generate();
    private Caller caller = new Caller(Actor.user(ada.value()), "req", "192.0.2.1", null);

    /** Ada's token is for Acme. */
    private final AccountErasureService service = new AccountErasureService(people, people, erased, transactions,
            FixedCurrentTenant.of(acme).withOnly(), () -> caller);

    /** Ada owns Acme with Grace, is a member of Globex, a suspended owner of Initech (which Grace owns). */
    AccountErasureServiceTest() {
        register(ada, "ada@example.com");
        register(grace, "grace@example.com");
        people.addMember(acme, ada, OwnMembership.Status.ACTIVE, "owner");
        people.addMember(acme, grace, OwnMembership.Status.ACTIVE, "owner");
        people.addMember(globex, ada, OwnMembership.Status.ACTIVE, "member");
        people.addMember(globex, grace, OwnMembership.Status.ACTIVE, "owner");
        people.addMember(initech, ada, OwnMembership.Status.SUSPENDED, "owner");
        people.addMember(initech, grace, OwnMembership.Status.ACTIVE, "owner");
        people.linkExternalLogin(ada, new LinkedExternalLogin(UUID.randomUUID(), "github", "1", null, NOW));
        people.issueRefreshToken(ada, acme);
        people.issueRefreshToken(ada, globex);
        people.issueRefreshToken(grace, acme);
    }

    private void register(UserId id, String email) {
        people.register(new User(id, new EmailAddress(email), User.Status.ACTIVE, 1, NOW, NOW), "hash:x", NOW,
                UserProfile.initial(id, email, NOW));
    }

    @Test
    void leavesEveryOrganizationInItsOwnTransactionThenDeletesTheAccount() {
        service.erase();

        assertThat(people.holdsAnythingOf(ada)).isFalse();
        assertThat(people.membersOf(acme)).containsOnlyKeys(grace);
        assertThat(people.membersOf(globex)).containsOnlyKeys(grace);
        assertThat(people.membersOf(initech)).containsOnlyKeys(grace);
        assertThat(people.refreshTokensOf(grace)).hasSize(1);
        assertThat(people.holdsAnythingOf(grace)).isTrue();
        // Read the memberships; check each organization; leave each in a transaction for it; delete the account.
        assertThat(transactions.transactions()).containsExactly(
                new Transaction(acme, true, Outcome.COMMITTED),
                new Transaction(acme, false, Outcome.COMMITTED),
                new Transaction(globex, false, Outcome.COMMITTED),
                new Transaction(initech, false, Outcome.COMMITTED),
                new Transaction(acme, false, Outcome.COMMITTED),
                new Transaction(globex, false, Outcome.COMMITTED),
                new Transaction(initech, false, Outcome.COMMITTED),
                new Transaction(acme, false, Outcome.COMMITTED));
        assertThat(erased.isErased(ada)).isTrue();
        assertThat(erased.isErased(grace)).isFalse();
    }

    @Test
    void theLastActiveOwnerOfAnyOrganizationIsRefusedBeforeAnythingChanges() {
        people.addMember(globex, grace, OwnMembership.Status.SUSPENDED, "owner");
        people.addMember(globex, ada, OwnMembership.Status.ACTIVE, "owner", "member");

        assertThatThrownBy(service::erase).isInstanceOf(ConflictException.class)
                .hasMessageContaining("last active owner of organization " + globex);

        assertThat(people.membersOf(acme)).containsKey(ada);
        assertThat(people.membersOf(globex)).containsKey(ada);
        assertThat(people.membersOf(initech)).containsKey(ada);
        assertThat(people.refreshTokensOf(ada)).hasSize(2);
        assertThat(erased.isErased(ada)).isFalse();
        assertThat(people.ownershipLocks).as("every organization checked under its lock")
                .containsExactly(acme, globex, initech);
    }

    @Test
    void anOwnerWhoLeftMeanwhileIsNoticedUnderTheLock() {
        // Grace leaves Acme between Ada's check and Ada's leaving: the second check, under the lock, sees it.
        var checks = new int[1];
        var racing = new AccountErasureService(people, new RacingOwnership(people, acme, grace, checks), erased,
                transactions, FixedCurrentTenant.of(acme).withOnly(), () -> caller);

        assertThatThrownBy(racing::erase).isInstanceOf(ConflictException.class)
                .hasMessageContaining("last active owner of organization " + acme);
        assertThat(people.membersOf(acme)).containsKey(ada);
        assertThat(people.holdsAnythingOf(ada)).isTrue();
    }

    @Test
    void aFailureHalfwayLeavesAConsistentAccountAndARepeatFinishesTheJob() {
        people.failLeaving = globex;

        assertThatThrownBy(service::erase).isInstanceOf(IllegalStateException.class);
        assertThat(people.membersOf(acme)).as("left before the failure").doesNotContainKey(ada);
        assertThat(people.membersOf(globex)).as("rolled back").containsKey(ada);
        assertThat(people.membersOf(initech)).containsKey(ada);
        assertThat(erased.isErased(ada)).isFalse();

        service.erase();

        assertThat(people.holdsAnythingOf(ada)).isFalse();
        assertThat(erased.isErased(ada)).isTrue();
    }

    @Test
    void erasingAnErasedAccountAgainIsQuietlyDone() {
        service.erase();
        transactions.forgetTransactions();

        service.erase();

        assertThat(people.holdsAnythingOf(ada)).isFalse();
        assertThat(transactions.transactions()).containsExactly(new Transaction(acme, true, Outcome.COMMITTED),
                new Transaction(acme, false, Outcome.COMMITTED));
    }

    @Test
    void aMembershipAddedWhileErasingIsLeftInAnotherRound() {
        var hooli = OrganizationId.generate();
        people.beforeAccountLock = userId -> {
            people.beforeAccountLock = ignored -> { };
            people.addMember(hooli, userId, OwnMembership.Status.ACTIVE, "member");
        };

        service.erase();

        assertThat(people.membersOf(hooli)).isEmpty();
        assertThat(people.holdsAnythingOf(ada)).isFalse();
    }

    @Test
    void membershipsAddedOverAndOverEndInAConflict() {
        people.beforeAccountLock = userId -> people.addMember(OrganizationId.generate(), userId,
                OwnMembership.Status.ACTIVE, "member");

        assertThatThrownBy(service::erase).isInstanceOf(ConflictException.class).hasMessageContaining("retry");
        assertThat(erased.isErased(ada)).isFalse();
    }

    @Test
    void anApiKeyHasNoAccountToErase() {
        caller = new Caller(Actor.apiKey(UUID.randomUUID()), null, null, null);

        assertThatThrownBy(service::erase).isInstanceOf(AccessDeniedException.class);
        assertThat(transactions.transactions()).isEmpty();
        assertThat(people.holdsAnythingOf(ada)).isTrue();
    }

    /** The erasure port, with another owner leaving the organization right after the first ownership check. */
    private static final class RacingOwnership extends ForwardingErasure {
        private final InMemoryPeople people;
        private final OrganizationId organization;
        private final UserId leaver;
        private final int[] checks;

        RacingOwnership(InMemoryPeople people, OrganizationId organization, UserId leaver, int[] checks) {
            super(people);
            this.people = people;
            this.organization = organization;
            this.leaver = leaver;
            this.checks = checks;
        }

        @Override
        public boolean isLastActiveOwner(OrganizationId organizationId, UserId userId) {
            var answer = super.isLastActiveOwner(organizationId, userId);
            if (organizationId.equals(organization) && checks[0]++ == 0) {
                people.removeMemberOutsideTheUseCase(organization, leaver);
            }
            return answer;
        }
    }
}
