package dev.tenantcore.identity.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.identity.domain.EmailAddress;
import dev.tenantcore.identity.domain.LoginLookup;
import dev.tenantcore.identity.domain.RefreshToken;
import dev.tenantcore.identity.domain.RefreshTokenRepository;
import dev.tenantcore.identity.domain.User;
import dev.tenantcore.identity.domain.UserProfile;
import dev.tenantcore.identity.domain.UserRepository;
import dev.tenantcore.shared.adapter.persistence.DatabasePermissions;
import dev.tenantcore.shared.adapter.persistence.DatabaseTest;
import dev.tenantcore.shared.adapter.persistence.TestOrganizations;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The identity ports on real PostgreSQL as the runtime role: a person's rows are theirs alone, shown to an
 * organization only while they are its member, and found across users only through the login lookup.
 */
@MicronautTest(transactional = false)
class IdentityPersistenceTest extends DatabaseTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Inject
    UserRepository users;
    @Inject
    RefreshTokenRepository refreshTokens;
    @Inject
    LoginLookup logins;
    @Inject
    TenantTransactions transactions;
    @Inject
    TestOrganizations organizations;
    @Inject
    JdbcOperations jdbc;

    OrganizationId acme;
    String acmeSlug;
    User ada;

    @BeforeEach
    void createOrganizationAndUser() {
        acme = organizations.create();
        acmeSlug = transactions.read(acme, () -> jdbc.prepareStatement(
                "SELECT slug FROM organizations WHERE id = ?", statement -> {
                    statement.setObject(1, acme.value());
                    try (var row = statement.executeQuery()) {
                        row.next();
                        return row.getString(1);
                    }
                }));
        ada = User.register(new EmailAddress("Ada." + UUID.randomUUID() + "@Example.com"), NOW);
        transactions.writeForUser(acme, ada.id(), () -> {
            users.register(ada, "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", NOW,
                    UserProfile.initial(ada.id(), "Ada", NOW));
            return null;
        });
    }

    private void makeMember(OrganizationId organizationId, UserId userId, String role) {
        transactions.write(organizationId, () -> jdbc.prepareStatement("""
                WITH m AS (INSERT INTO memberships (organization_id, user_id) VALUES (?, ?) RETURNING *)
                INSERT INTO user_roles (organization_id, user_id, role_id)
                SELECT m.organization_id, m.user_id, r.id FROM m JOIN roles r
                  ON r.organization_id = m.organization_id AND r.name = ?""", statement -> {
            statement.setObject(1, organizationId.value());
            statement.setObject(2, userId.value());
            statement.setString(3, role);
            return statement.executeUpdate();
        }));
    }

    @Test
    void aUserSeesTheirOwnRowsAndAnOrganizationSeesNothingOfANonMember() {
        assertThat(transactions.readForUser(acme, ada.id(), () -> users.findById(ada.id()))).contains(ada);
        assertThat(transactions.readForUser(acme, ada.id(), () -> users.findPasswordHash(ada.id()))).isPresent();

        assertThat(transactions.read(acme, () -> users.findById(ada.id()))).isEmpty();
        assertThat(transactions.read(acme, () -> users.findProfile(ada.id()))).isEmpty();
        var other = UserId.generate();
        assertThat(transactions.readForUser(acme, other, () -> users.findById(ada.id()))).isEmpty();
    }

    @Test
    void anOrganizationSeesItsMembersAccountAndProfileButNeverTheirCredentials() {
        makeMember(acme, ada.id(), "member");

        assertThat(transactions.read(acme, () -> users.findById(ada.id()))).contains(ada);
        assertThat(transactions.read(acme, () -> users.findProfile(ada.id())).map(UserProfile::displayName))
                .contains("Ada");
        assertThat(transactions.read(acme, () -> users.findPasswordHash(ada.id()))).isEmpty();

        var globex = organizations.create();
        assertThat(transactions.read(globex, () -> users.findById(ada.id()))).isEmpty();
    }

    @Test
    void noOneButTheUserMayWriteTheirRows() {
        makeMember(acme, ada.id(), "member");
        var before = transactions.readForUser(acme, ada.id(), () -> users.findPasswordHash(ada.id()));

        // A fellow member's transaction (the organization's, another user) cannot set Ada's password: her row is
        // invisible to it, so the upsert tries to insert one, which the policy's WITH CHECK refuses.
        var mallory = UserId.generate();
        assertThatThrownBy(() -> transactions.writeForUser(acme, mallory, () -> {
            users.updatePasswordHash(ada.id(), "$argon2id$v=19$m=19456,t=2,p=1$bWFs$bWFs", NOW);
            return null;
        })).hasStackTraceContaining("row-level security");

        assertThat(transactions.readForUser(acme, ada.id(), () -> users.findPasswordHash(ada.id())))
                .isEqualTo(before);
    }

    @Test
    void aSecondAccountForTheSameAddressInAnyCaseIsAConflict() {
        var twin = User.register(new EmailAddress(ada.email().value().toUpperCase()), NOW);

        assertThatThrownBy(() -> transactions.writeForUser(acme, twin.id(), () -> {
            users.register(twin, "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", NOW,
                    UserProfile.initial(twin.id(), "Twin", NOW));
            return null;
        })).isInstanceOf(ConflictException.class);
    }

    @Test
    void theLoginLookupFindsTheAccountCaseInsensitivelyWithItsMembershipPermissions() {
        makeMember(acme, ada.id(), "owner");

        var byEmail = logins.findByEmail(new EmailAddress(ada.email().value().toUpperCase()), acmeSlug).orElseThrow();
        assertThat(byEmail.userId()).isEqualTo(ada.id());
        assertThat(byEmail.passwordHash()).startsWith("$argon2id$");
        assertThat(byEmail.membership()).hasValueSatisfying(membership -> {
            assertThat(membership.organizationId()).isEqualTo(acme);
            assertThat(membership.active()).isTrue();
            assertThat(membership.permissions()).isEqualTo(DatabasePermissions.grantedTo("owner"));
        });
        assertThat(logins.findByEmail(ada.email(), acme.toString()).orElseThrow().membership()).isPresent();

        var notMember = logins.findByEmail(ada.email(), "no-such-organization").orElseThrow();
        assertThat(notMember.membership()).isEmpty();
        assertThat(logins.findByEmail(new EmailAddress("nobody@example.com"), acmeSlug)).isEmpty();
    }

    @Test
    void viewerPermissionsComeFromTheCatalogue() {
        makeMember(acme, ada.id(), "viewer");
        var membership = logins.findByEmail(ada.email(), acmeSlug).orElseThrow().membership().orElseThrow();
        assertThat(membership.permissions()).isEqualTo(DatabasePermissions.grantedTo("viewer"));
    }

    @Test
    void refreshTokensAreUsedOnceAndRevokedByFamily() {
        makeMember(acme, ada.id(), "member");
        var first = RefreshToken.startFamily(ada.id(), acme, NOW.plus(1, ChronoUnit.DAYS));
        var second = first.token().successor(NOW.plus(2, ChronoUnit.DAYS));
        transactions.writeForUser(acme, ada.id(), () -> {
            refreshTokens.insert(first.token());
            refreshTokens.insert(second.token());
            return null;
        });

        var found = transactions.readForUser(acme, ada.id(),
                () -> refreshTokens.findById(ada.id(), first.token().id())).orElseThrow();
        assertThat(found.matches(first.value())).isTrue();
        assertThat(found.familyId()).isEqualTo(second.token().familyId());
        assertThat(transactions.read(acme, () -> refreshTokens.findById(ada.id(), first.token().id()))).isEmpty();

        assertThat(transactions.writeForUser(acme, ada.id(),
                () -> refreshTokens.markUsed(ada.id(), first.token().id(), NOW))).isTrue();
        assertThat(transactions.writeForUser(acme, ada.id(),
                () -> refreshTokens.markUsed(ada.id(), first.token().id(), NOW))).isFalse();

        transactions.writeForUser(acme, ada.id(), () -> {
            refreshTokens.revokeFamily(ada.id(), first.token().familyId(), NOW);
            return null;
        });
        assertThat(transactions.readForUser(acme, ada.id(),
                () -> refreshTokens.findById(ada.id(), second.token().id())).orElseThrow().revokedAt())
                .isEqualTo(NOW);
    }


    @Test
    void argon2idHashesAtOwaspParametersAndVerifies() {
        var hasher = new Argon2idPasswordHasher();
        var hash = hasher.hash("correct horse battery");

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hasher.hash("correct horse battery")).isNotEqualTo(hash); // salted
        assertThat(hasher.verify("correct horse battery", hash)).isTrue();
        assertThat(hasher.verify("correct horse batterz", hash)).isFalse();
        assertThat(hasher.verifyNothing("correct horse battery")).isFalse();
        assertThat(hasher.needsRehash(hash)).isFalse();
        assertThat(hasher.needsRehash("$argon2id$v=19$m=4096,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"))
                .isTrue();
        assertThat(hasher.verify("anything", "not a hash")).isFalse();
    }
}
