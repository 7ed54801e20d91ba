package dev.tenantcore.identity.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.identity.domain.LinkedExternalLogin;
import dev.tenantcore.identity.domain.OwnMembership;
import dev.tenantcore.identity.domain.PersonalDataRepository;
import dev.tenantcore.identity.domain.RefreshSession;
import dev.tenantcore.identity.domain.RefreshToken;
import dev.tenantcore.identity.domain.RefreshTokenRepository;
import dev.tenantcore.shared.adapter.persistence.DatabaseTest;
import dev.tenantcore.shared.adapter.persistence.TestOrganizations;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.OrganizationId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PersonalDataRepository port's contract on real PostgreSQL, as the runtime role. */
@MicronautTest(transactional = false)
class JdbcPersonalDataRepositoryTest extends DatabaseTest {
    @Inject
    PersonalDataRepository personalData;
    @Inject
    RefreshTokenRepository refreshTokens;
    @Inject
    TenantTransactions transactions;
    @Inject
    TestOrganizations organizations;
    @Inject
    TestAccounts people;

    OrganizationId acme;
    OrganizationId globex;
    TestAccounts.Person ada;
    TestAccounts.Person grace;

    /** Ada: owner of Acme, suspended viewer of Globex, linked to GitHub, a session in each. Grace: Acme member. */
    @BeforeEach
    void createPeople() {
        acme = organizations.create();
        globex = organizations.create();
        ada = people.register(acme, "Ada");
        grace = people.register(acme, "Grace");
        people.makeMember(acme, ada.id(), "owner");
        people.makeSuspendedMember(globex, ada.id(), "viewer");
        people.makeMember(acme, grace.id(), "member");
        people.linkExternalLogin(acme, ada.id(), "github", "ada-" + ada.id(), "ada@users.example");
        people.linkExternalLogin(acme, grace.id(), "github", "grace-" + grace.id(), null);
        for (var organization : new OrganizationId[] {acme, globex}) {
            transactions.writeForUser(organization, ada.id(), () -> {
                refreshTokens.insert(RefreshToken.startFamily(ada.id(), organization,
                        Instant.now().plus(1, ChronoUnit.DAYS)).token());
                return null;
            });
        }
        transactions.writeForUser(acme, grace.id(), () -> {
            refreshTokens.insert(RefreshToken.startFamily(grace.id(), acme, Instant.now().plus(1, ChronoUnit.DAYS))
                    .token());
            return null;
        });
    }

    private <T> T asAda(OrganizationId organization, Supplier<T> work) {
        return transactions.readForUser(organization, ada.id(), work);
    }

    @Test
    void membershipsInEveryOrganizationWithRolesOnlyForTheTransactionsOne() {
        var seenFromAcme = asAda(acme, () -> personalData.findMemberships(acme, ada.id()));
        var seenFromGlobex = asAda(globex, () -> personalData.findMemberships(globex, ada.id()));

        assertThat(seenFromAcme).extracting(OwnMembership::organizationId).containsExactly(acme, globex);
        assertThat(seenFromAcme.get(0).roleNamesOrNull()).isEqualTo(Set.of("owner"));
        assertThat(seenFromAcme.get(0).status()).isEqualTo(OwnMembership.Status.ACTIVE);
        assertThat(seenFromAcme.get(1).roleNamesOrNull()).isNull();
        assertThat(seenFromAcme.get(1).status()).isEqualTo(OwnMembership.Status.SUSPENDED);
        assertThat(seenFromGlobex.get(0).roleNamesOrNull()).isNull();
        assertThat(seenFromGlobex.get(1).roleNamesOrNull()).isEqualTo(Set.of("viewer"));
    }

    @Test
    void sessionsInEveryOrganizationWithoutTheirHashes() {
        var sessions = asAda(acme, () -> personalData.findRefreshSessions(ada.id()));

        assertThat(sessions).extracting(RefreshSession::organizationId).containsExactlyInAnyOrder(acme, globex);
        assertThat(sessions).allSatisfy(session -> {
            assertThat(session.revokedAt()).isNull();
            assertThat(session.expiresAt()).isAfter(session.createdAt());
        });
    }

    @Test
    void externalLoginsAndThePasswordsDate() {
        var logins = asAda(acme, () -> personalData.findExternalLogins(ada.id()));

        assertThat(logins).singleElement().satisfies(login -> {
            assertThat(login.provider()).isEqualTo("github");
            assertThat(login.subject()).isEqualTo("ada-" + ada.id());
            assertThat(login.emailAtProvider()).isEqualTo("ada@users.example");
        });
        assertThat(asAda(acme, () -> personalData.findPasswordChangedAt(ada.id()))).isPresent();
    }

    @Test
    void anotherUsersDataIsInvisibleEvenToAFellowMember() {
        assertThat(transactions.readForUser(acme, grace.id(), () -> personalData.findExternalLogins(ada.id())))
                .isEmpty();
        assertThat(transactions.readForUser(acme, grace.id(), () -> personalData.findRefreshSessions(ada.id())))
                .isEmpty();
        assertThat(transactions.readForUser(acme, grace.id(), () -> personalData.findPasswordChangedAt(ada.id())))
                .isEmpty();
        // As a fellow member Grace's transaction sees Ada's membership of Acme (the organization's data), never
        // her membership of Globex.
        assertThat(transactions.readForUser(acme, grace.id(), () -> personalData.findMemberships(acme, ada.id())))
                .extracting(OwnMembership::organizationId).containsExactly(acme);
        assertThat(transactions.read(acme, () -> personalData.findExternalLogins(ada.id())))
                .extracting(LinkedExternalLogin::provider).isEmpty();
    }

    @Test
    void membershipsNeedATransactionForTheOrganizationNamed() {
        assertThatThrownBy(() -> asAda(acme, () -> personalData.findMemberships(globex, ada.id())))
                .isInstanceOf(IllegalStateException.class);
    }
}
