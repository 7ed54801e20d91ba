package dev.tenantcore.identity.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.identity.domain.AccountErasureRepository;
import dev.tenantcore.identity.domain.PersonalDataRepository;
import dev.tenantcore.identity.domain.RefreshToken;
import dev.tenantcore.identity.domain.RefreshTokenRepository;
import dev.tenantcore.identity.domain.UserRepository;
import dev.tenantcore.shared.adapter.persistence.DatabaseTest;
import dev.tenantcore.shared.adapter.persistence.TestCaller;
import dev.tenantcore.shared.adapter.persistence.TestDatabase;
import dev.tenantcore.shared.adapter.persistence.TestOrganizations;
import dev.tenantcore.shared.application.Caller;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.Actor;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The AccountErasureRepository port's contract on real PostgreSQL, as the runtime role: leaving one organization
 * at a time (each recorded in its own audit log), then deleting the account, leaves no trace of the person but
 * opaque ids in the audit log.
 */
@MicronautTest(transactional = false)
class JdbcAccountErasureRepositoryTest extends DatabaseTest {
    @Inject
    AccountErasureRepository erasure;
    @Inject
    PersonalDataRepository personalData;
    @Inject
    UserRepository users;
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

    @BeforeEach
    void createPeople() {
        acme = organizations.create();
        globex = organizations.create();
        ada = people.register(acme, "Ada");
        grace = people.register(acme, "Grace");
    }

    private boolean isLastActiveOwner(OrganizationId organization, UserId userId) {
        return transactions.writeForUser(organization, userId, () -> erasure.isLastActiveOwner(organization, userId));
    }

    private void leave(OrganizationId organization, UserId userId) {
        TestCaller.as(new Caller(Actor.user(userId.value()), "erase-request", null, null),
                () -> transactions.writeForUser(organization, userId, () -> {
                    erasure.leave(organization, userId);
                    return null;
                }));
    }

    private void issueRefreshToken(OrganizationId organization, UserId userId) {
        transactions.writeForUser(organization, userId, () -> {
            refreshTokens.insert(RefreshToken.startFamily(userId, organization,
                    Instant.now().plus(1, ChronoUnit.DAYS)).token());
            return null;
        });
    }

    @Test
    void theLastActiveOwnerIsTheOnlyActiveMemberHoldingTheOwnerRole() {
        people.makeMember(acme, ada.id(), "owner");
        people.makeMember(acme, grace.id(), "admin");
        assertThat(isLastActiveOwner(acme, ada.id())).isTrue();
        assertThat(isLastActiveOwner(acme, grace.id())).as("not an owner at all").isFalse();

        people.makeSuspendedMember(globex, grace.id(), "owner");
        people.makeMember(globex, ada.id(), "owner");
        assertThat(isLastActiveOwner(globex, ada.id())).as("a suspended owner backs nobody up").isTrue();

        var third = organizations.create();
        people.makeMember(third, ada.id(), "owner");
        people.makeMember(third, grace.id(), "owner");
        assertThat(isLastActiveOwner(third, ada.id())).isFalse();
        assertThat(isLastActiveOwner(third, grace.id())).isFalse();
        assertThat(isLastActiveOwner(third, UserId.generate())).as("not a member").isFalse();
    }

    @Test
    void theCheckHoldsTheOrganizationsOwnershipLockUntilTheTransactionEnds() {
        people.makeMember(acme, ada.id(), "owner");

        var blocked = transactions.writeForUser(acme, ada.id(), () -> {
            erasure.isLastActiveOwner(acme, ada.id());
            return ownershipLockIsTaken(acme);
        });

        assertThat(blocked).as("while the check's transaction runs").isTrue();
        assertThat(ownershipLockIsTaken(acme)).as("after it ended").isFalse();
    }

    /** Whether another transaction, as the runtime role, would have to wait for Acme's ownership lock. */
    private static boolean ownershipLockIsTaken(OrganizationId organization) {
        try (var connection = TestDatabase.shared().connectAsRuntime()) {
            connection.setAutoCommit(false);
            try (var settings = connection.prepareStatement("SELECT set_config('app.organization_id', ?, true)")) {
                settings.setString(1, organization.toString());
                settings.execute();
            }
            try (var lock = connection.prepareStatement("""
                    SELECT id FROM roles WHERE organization_id = ? AND builtin = 'owner' FOR NO KEY UPDATE NOWAIT""")) {
                lock.setObject(1, organization.value());
                lock.executeQuery().close();
                return false;
            } catch (SQLException e) {
                if ("55P03".equals(e.getSQLState())) {
                    return true; // lock_not_available
                }
                throw e;
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void leavingRemovesMembershipRolesAndSessionsThereUnassignsTasksAndForgetsAcceptedInvitations() {
        people.makeMember(acme, ada.id(), "admin");
        people.makeMember(globex, ada.id(), "member");
        issueRefreshToken(acme, ada.id());
        issueRefreshToken(globex, ada.id());
        var task = people.assignTask(acme, ada.id());
        var invitation = people.acceptedInvitation(acme, ada.id());

        leave(acme, ada.id());

        assertThat(people.valueOf(acme, "SELECT count(*) FROM memberships WHERE organization_id = ? AND user_id = ?",
                acme.value(), ada.id().value()))
                .isEqualTo(0L);
        assertThat(people.valueOf(acme, "SELECT count(*) FROM user_roles WHERE organization_id = ? AND user_id = ?",
                acme.value(), ada.id().value()))
                .isEqualTo(0L);
        assertThat(people.valueOf(acme, "SELECT assignee_id FROM tasks WHERE organization_id = ? AND id = ?",
                acme.value(), task)).isNull();
        assertThat(people.valueOf(acme, "SELECT accepted_by FROM invitations WHERE organization_id = ? AND id = ?",
                acme.value(), invitation)).isNull();
        assertThat(transactions.readForUser(globex, ada.id(), () -> personalData.findRefreshSessions(ada.id())))
                .singleElement().satisfies(session -> assertThat(session.organizationId()).isEqualTo(globex));
        assertThat(transactions.readForUser(globex, ada.id(), () -> personalData.findMemberships(globex, ada.id())))
                .singleElement().satisfies(membership -> assertThat(membership.organizationId()).isEqualTo(globex));
        // Recorded in Acme's log, as Ada's doing: the membership, its role, the unassigned task.
        assertThat(people.valueOf(acme, """
                SELECT string_agg(entity_type || ':' || action, ',' ORDER BY entity_type) FROM audit_events
                WHERE organization_id = ? AND actor_id = ? AND request_id = 'erase-request'""",
                acme.value(), ada.id().value())).isEqualTo("invitation:update,member:delete,member_role:delete,"
                + "task:update");
    }

    @Test
    void leavingNeedsATransactionForThatOrganization() {
        people.makeMember(globex, ada.id(), "member");

        assertThatThrownBy(() -> transactions.writeForUser(acme, ada.id(), () -> {
            erasure.leave(globex, ada.id());
            return null;
        })).isInstanceOf(IllegalStateException.class);
        assertThat(transactions.readForUser(acme, ada.id(), () -> personalData.findMemberships(acme, ada.id())))
                .hasSize(1);
    }

    @Test
    void theAccountCannotGoWhileAMembershipOfAnotherOrganizationRemains() {
        people.makeMember(globex, ada.id(), "member");

        // Deleting the account would cascade into Globex's memberships; Globex's audit event is refused in a
        // transaction for Acme. This is why erasure leaves each organization in a transaction of its own.
        assertThatThrownBy(() -> transactions.writeForUser(acme, ada.id(), () -> {
            erasure.deleteAccount(ada.id());
            return null;
        })).hasStackTraceContaining("row-level security");
        assertThat(transactions.readForUser(acme, ada.id(), () -> users.findById(ada.id()))).isPresent();
    }

    @Test
    void onlyTheUserCanLockOrDeleteTheirAccount() {
        assertThat(transactions.writeForUser(acme, grace.id(), () -> erasure.lockAccount(ada.id()))).isFalse();
        transactions.writeForUser(acme, grace.id(), () -> {
            erasure.deleteAccount(ada.id());
            return null;
        });
        transactions.write(acme, () -> {
            erasure.deleteAccount(ada.id());
            return null;
        });
        assertThat(transactions.readForUser(acme, ada.id(), () -> users.findById(ada.id()))).isPresent();
        assertThat(transactions.writeForUser(acme, ada.id(), () -> erasure.lockAccount(ada.id()))).isTrue();
    }

    @Test
    void erasingLeavesNoTraceOfThePersonButOpaqueIdsInTheAuditLog() throws SQLException {
        people.makeMember(acme, ada.id(), "owner");
        people.makeMember(acme, grace.id(), "owner");
        people.makeMember(globex, ada.id(), "member");
        people.linkExternalLogin(acme, ada.id(), "github", "ada-" + ada.id(), ada.user().email().value());
        issueRefreshToken(acme, ada.id());
        issueRefreshToken(globex, ada.id());
        people.assignTask(acme, ada.id());
        people.assignTask(globex, ada.id());
        people.acceptedInvitation(globex, ada.id());
        var needles = new String[] {ada.id().toString(), ada.user().email().value(), ada.displayName()};
        assertThat(PersonalDataScan.find(needles).outsideTheAuditLog()).as("the scan finds what is there")
                .containsKeys("users", "user_credentials", "user_profiles", "user_preferences",
                        "user_external_logins", "memberships", "user_roles", "refresh_tokens", "tasks",
                        "invitations");

        for (var organization : List.of(acme, globex)) {
            assertThat(isLastActiveOwner(organization, ada.id())).isFalse();
            leave(organization, ada.id());
        }
        transactions.writeForUser(acme, ada.id(), () -> {
            assertThat(erasure.lockAccount(ada.id())).isTrue();
            assertThat(personalData.findMemberships(acme, ada.id())).isEmpty();
            erasure.deleteAccount(ada.id());
            return null;
        });

        var traces = PersonalDataScan.find(needles);
        assertThat(traces.outsideTheAuditLog()).as("tables holding the id, address or name").isEmpty();
        assertThat(traces.inTheAuditLog()).as("the audit log keeps the opaque id, never the address or name")
                .isNotEmpty()
                .allSatisfy((table, found) -> assertThat(found).containsExactly(ada.id().toString()));
        assertThat(transactions.writeForUser(acme, ada.id(), () -> erasure.lockAccount(ada.id()))).isFalse();
        assertThat(transactions.read(acme, () -> users.findProfile(grace.id()))).isPresent();
        assertThat(Map.of("grace", PersonalDataScan.find(grace.user().email().value()).outsideTheAuditLog()))
                .as("Grace is untouched").allSatisfy((name, found) -> assertThat(found).containsKey("users"));
        assertThat(UUID.fromString(needles[0])).isEqualTo(ada.id().value());
    }
}
