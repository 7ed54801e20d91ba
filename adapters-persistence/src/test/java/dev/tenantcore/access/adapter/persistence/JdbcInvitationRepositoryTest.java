package dev.tenantcore.access.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.access.domain.Invitation;
import dev.tenantcore.access.domain.InvitationId;
import dev.tenantcore.access.domain.InvitationRepository;
import dev.tenantcore.audit.domain.AuditEvent;
import dev.tenantcore.audit.domain.AuditEventFilter;
import dev.tenantcore.audit.domain.AuditEventRepository;
import dev.tenantcore.identity.domain.EmailAddress;
import dev.tenantcore.identity.domain.User;
import dev.tenantcore.identity.domain.UserProfile;
import dev.tenantcore.identity.domain.UserRepository;
import dev.tenantcore.shared.adapter.persistence.DatabaseTest;
import dev.tenantcore.shared.adapter.persistence.TestOrganizations;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.shared.domain.UserId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The InvitationRepository port's contract, on real PostgreSQL, as the runtime role. */
@MicronautTest(transactional = false)
class JdbcInvitationRepositoryTest extends DatabaseTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Inject
    InvitationRepository invitations;
    @Inject
    UserRepository users;
    @Inject
    AuditEventRepository events;
    @Inject
    TenantTransactions transactions;
    @Inject
    TestOrganizations organizations;
    @Inject
    JdbcOperations jdbc;

    OrganizationId acme;
    OrganizationId globex;

    @BeforeEach
    void createOrganizations() {
        acme = organizations.create();
        globex = organizations.create();
    }

    private <T> T write(OrganizationId organizationId, Supplier<T> work) {
        return transactions.write(organizationId, work);
    }

    private Invitation stored(String email, String... roleNames) {
        var issued = Invitation.issue(acme, email, List.of(roleNames), 7, NOW);
        write(acme, () -> {
            invitations.insert(issued.invitation());
            return null;
        });
        return issued.invitation();
    }

    private static String anAddress() {
        return "Grace." + UUID.randomUUID() + "@Example.com";
    }

    @Test
    void storesAndFindsAnInvitationWithItsRolesAndHash() {
        var invitation = stored(anAddress(), "member", "viewer");

        var found = transactions.read(acme, () -> invitations.findById(acme, invitation.id())).orElseThrow();

        assertThat(found).isEqualTo(invitation);
        assertThat(found.roles()).containsExactlyInAnyOrder("member", "viewer");
    }

    @Test
    void anotherOrganizationDoesNotFindIt() {
        var invitation = stored(anAddress(), "member");

        assertThat(transactions.read(globex, () -> invitations.findById(globex, invitation.id()))).isEmpty();
        assertThat(transactions.read(globex, () -> invitations.findOpenByEmail(globex, invitation.email())))
                .isEmpty();
        assertThat(transactions.read(globex, () -> invitations.list(globex, PageRequest.first(100))).items())
                .isEmpty();
    }

    @Test
    void anUnknownRoleStoresNothing() {
        var issued = Invitation.issue(acme, anAddress(), List.of("member", "wizard"), 7, NOW);

        assertThatThrownBy(() -> write(acme, () -> {
            invitations.insert(issued.invitation());
            return null;
        })).isInstanceOfSatisfying(InvariantViolationException.class, e -> assertThat(e.field()).isEqualTo("roles"));
        assertThat(transactions.read(acme, () -> invitations.findById(acme, issued.invitation().id()))).isEmpty();
    }

    @Test
    void aRoleOfAnotherOrganizationIsUnknownHere() {
        write(globex, () -> customRole(globex, "globex-only", "audit:read"));
        var issued = Invitation.issue(acme, anAddress(), List.of("globex-only"), 7, NOW);

        assertThatThrownBy(() -> write(acme, () -> {
            invitations.insert(issued.invitation());
            return null;
        })).isInstanceOf(InvariantViolationException.class);
    }

    @Test
    void oneOpenInvitationPerAddressWhateverItsCase() {
        var address = anAddress();
        var first = stored(address, "member");

        assertThatThrownBy(() -> stored(address.toUpperCase(), "viewer")).isInstanceOf(ConflictException.class);
        // Another organization may invite the same address.
        var elsewhere = Invitation.issue(globex, address, List.of("member"), 7, NOW);
        write(globex, () -> {
            invitations.insert(elsewhere.invitation());
            return null;
        });

        assertThat(write(acme, () -> invitations.update(first.revoked(NOW)))).isTrue();
        assertThat(stored(address, "viewer").roles()).containsExactly("viewer");
    }

    @Test
    void theOpenInvitationOfAnAddressIsFoundUntilRevokedOrAccepted() {
        var address = anAddress();
        var invitation = stored(address, "member");

        assertThat(transactions.read(acme, () -> invitations.findOpenByEmail(acme, address.toLowerCase())))
                .contains(invitation);
        write(acme, () -> invitations.update(invitation.revoked(NOW)));
        assertThat(transactions.read(acme, () -> invitations.findOpenByEmail(acme, address))).isEmpty();

        var accepted = stored(address, "member");
        write(acme, () -> invitations.update(accepted.accepted(UserId.generate(), NOW)));
        assertThat(transactions.read(acme, () -> invitations.findOpenByEmail(acme, address))).isEmpty();
    }

    @Test
    void listsNewestFirstInPages() {
        var ids = new ArrayList<InvitationId>();
        for (int i = 0; i < 3; i++) {
            ids.add(stored(anAddress(), "member").id());
        }

        var first = transactions.read(acme, () -> invitations.list(acme, PageRequest.first(2)));
        var second = transactions.read(acme, () -> invitations.list(acme, new PageRequest<>(first.last().id(), 2)));

        assertThat(first.items()).extracting(Invitation::id).containsExactly(ids.get(2), ids.get(1));
        assertThat(first.hasMore()).isTrue();
        assertThat(second.items()).extracting(Invitation::id).containsExactly(ids.get(0));
        assertThat(second.hasMore()).isFalse();
    }

    @Test
    void acceptingClearsTheAddressOnlyOverTheCurrentVersionAndIsAuditedWithoutIt() {
        var invitation = stored(anAddress(), "member");
        var user = UserId.generate();
        var accepted = invitation.accepted(user, NOW.plusSeconds(1));

        assertThat(write(acme, () -> invitations.update(accepted))).isTrue();
        assertThat(write(acme, () -> invitations.update(accepted))).as("stale version").isFalse();

        var reloaded = transactions.read(acme, () -> invitations.findById(acme, invitation.id())).orElseThrow();
        assertThat(reloaded.email()).isNull();
        assertThat(reloaded.acceptedBy()).isEqualTo(user);
        assertThat(reloaded.acceptedAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(reloaded.version()).isEqualTo(2);
        var trail = auditTrail(invitation.id());
        assertThat(trail).extracting(AuditEvent::action).containsExactly("create", "accept");
        assertThat(trail).allSatisfy(event -> {
            assertThat(String.valueOf(event.oldValues()) + event.newValues())
                    .doesNotContainIgnoringCase(invitation.email()).doesNotContain("token_hash");
        });
    }

    @Test
    void revokingIsAuditedAsARevocation() {
        var invitation = stored(anAddress(), "member");

        assertThat(write(acme, () -> invitations.update(invitation.revoked(NOW)))).isTrue();

        assertThat(auditTrail(invitation.id())).extracting(AuditEvent::action).containsExactly("create", "revoke");
        var reloaded = transactions.read(acme, () -> invitations.findById(acme, invitation.id())).orElseThrow();
        assertThat(reloaded.revokedAt()).isEqualTo(NOW);
        assertThat(reloaded.email()).isEqualTo(invitation.email());
    }

    @Test
    void rolesAreShownByTheirCurrentNameAndADeletedRoleLeavesTheInvitation() {
        var role = write(acme, () -> customRole(acme, "support", "tasks:read"));
        var invitation = stored(anAddress(), "support", "viewer");

        write(acme, () -> jdbc.prepareStatement("UPDATE roles SET name = 'helpdesk' WHERE organization_id = ? AND id = ?",
                statement -> {
                    statement.setObject(1, acme.value());
                    statement.setObject(2, role);
                    return statement.executeUpdate();
                }));
        assertThat(transactions.read(acme, () -> invitations.findById(acme, invitation.id())).orElseThrow().roles())
                .containsExactlyInAnyOrder("helpdesk", "viewer");

        write(acme, () -> jdbc.prepareStatement("DELETE FROM roles WHERE organization_id = ? AND id = ?",
                statement -> {
                    statement.setObject(1, acme.value());
                    statement.setObject(2, role);
                    return statement.executeUpdate();
                }));
        assertThat(transactions.read(acme, () -> invitations.findById(acme, invitation.id())).orElseThrow().roles())
                .containsExactly("viewer");
    }

    @Test
    void aMembersAddressIsRecognisedWhateverItsCaseAndOnlyInTheirOrganization() {
        var ada = account("Ada." + UUID.randomUUID() + "@Example.com");
        var stranger = account("Bob." + UUID.randomUUID() + "@Example.com");
        makeMember(acme, ada.id(), "member", "active");

        assertThat(transactions.read(acme, () -> invitations.isMemberAddress(acme, ada.email().value().toUpperCase())))
                .isTrue();
        assertThat(transactions.read(acme, () -> invitations.isMemberAddress(acme, stranger.email().value())))
                .as("an account that is not a member").isFalse();
        assertThat(transactions.read(globex, () -> invitations.isMemberAddress(globex, ada.email().value())))
                .as("a member of another organization").isFalse();
    }

    @Test
    void aSuspendedMemberStillCountsAsAMember() {
        var ada = account("Ada." + UUID.randomUUID() + "@Example.com");
        makeMember(acme, ada.id(), "member", "suspended");

        assertThat(transactions.read(acme, () -> invitations.isMemberAddress(acme, ada.email().value()))).isTrue();
    }

    private List<AuditEvent> auditTrail(InvitationId id) {
        return transactions.read(acme, () -> events.list(acme, AuditEventFilter.entity("invitation", id.value()),
                PageRequest.first(100))).items().reversed();
    }

    // Set-up through SQL as the runtime role: roles, memberships and keys belong to code outside this port.

    private UUID customRole(OrganizationId organizationId, String name, String permission) {
        var id = UUID.randomUUID();
        jdbc.prepareStatement("""
                WITH r AS (INSERT INTO roles (organization_id, id, name) VALUES (?, ?, ?) RETURNING *)
                INSERT INTO role_permissions (organization_id, role_id, permission)
                SELECT organization_id, id, ? FROM r""", statement -> {
            statement.setObject(1, organizationId.value());
            statement.setObject(2, id);
            statement.setString(3, name);
            statement.setString(4, permission);
            return statement.executeUpdate();
        });
        return id;
    }

    private User account(String email) {
        var user = User.register(new EmailAddress(email), NOW);
        transactions.writeForUser(acme, user.id(), () -> {
            users.register(user, "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", NOW,
                    UserProfile.initial(user.id(), "Someone", NOW));
            return null;
        });
        return user;
    }

    private void makeMember(OrganizationId organizationId, UserId userId, String role, String status) {
        write(organizationId, () -> jdbc.prepareStatement("""
                WITH m AS (INSERT INTO memberships (organization_id, user_id, status) VALUES (?, ?, ?) RETURNING *)
                INSERT INTO user_roles (organization_id, user_id, role_id)
                SELECT m.organization_id, m.user_id, r.id FROM m JOIN roles r
                  ON r.organization_id = m.organization_id AND r.name = ?""", statement -> {
            statement.setObject(1, organizationId.value());
            statement.setObject(2, userId.value());
            statement.setString(3, status);
            statement.setString(4, role);
            return statement.executeUpdate();
        }));
    }
}
