package dev.tenantcore.identity.adapter.persistence;

import static dev.tenantcore.identity.domain.ExternalLoginTestData.aUniqueSubject;
import static dev.tenantcore.identity.domain.ExternalLoginTestData.anExternalLogin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.identity.domain.EmailAddress;
import dev.tenantcore.identity.domain.ExternalLogin;
import dev.tenantcore.identity.domain.ExternalLoginId;
import dev.tenantcore.identity.domain.ExternalLoginLookup;
import dev.tenantcore.identity.domain.ExternalLoginRepository;
import dev.tenantcore.identity.domain.User;
import dev.tenantcore.identity.domain.UserProfile;
import dev.tenantcore.identity.domain.UserRepository;
import dev.tenantcore.organizations.domain.OrganizationRepository;
import dev.tenantcore.shared.adapter.persistence.DatabaseTest;
import dev.tenantcore.shared.adapter.persistence.TestOrganizations;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ExternalLoginRepository and ExternalLoginLookup ports' contracts, and the password-less registration of
 * UserRepository, on real PostgreSQL as the runtime role.
 */
@MicronautTest(transactional = false)
class JdbcExternalLoginRepositoryTest extends DatabaseTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Inject
    ExternalLoginRepository externalLogins;
    @Inject
    ExternalLoginLookup lookup;
    @Inject
    UserRepository users;
    @Inject
    OrganizationRepository organizationRepository;
    @Inject
    TestOrganizations organizations;
    @Inject
    TenantTransactions transactions;

    private OrganizationId organization;

    @BeforeAll
    void anOrganization() {
        organization = organizations.create();
    }

    private User newUser(boolean withPassword) {
        var user = User.register(new EmailAddress("user-" + UUID.randomUUID() + "@example.com"), NOW);
        var profile = UserProfile.initial(user.id(), "Test User", NOW);
        transactions.writeForUser(organization, user.id(), () -> {
            if (withPassword) {
                users.register(user, "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", NOW, profile);
            } else {
                users.register(user, null, null, profile);
            }
            return null;
        });
        return user;
    }

    private ExternalLogin stored(ExternalLogin login) {
        transactions.writeForUser(organization, login.userId(), () -> {
            externalLogins.insert(login);
            return null;
        });
        return login;
    }

    private <T> T asUser(UserId userId, java.util.function.Supplier<T> work) {
        return transactions.writeForUser(organization, userId, work);
    }

    @Test
    void storesAndListsAUsersLinksOldestFirst() {
        var ada = newUser(true);
        var first = stored(anExternalLogin().withUserId(ada.id()).withProvider("google").withLinkedAt(NOW).build());
        var second = stored(anExternalLogin().withUserId(ada.id()).withProvider("acme-sso")
                .withEmailAtProvider(null).withLinkedAt(NOW).build());

        assertThat(asUser(ada.id(), () -> externalLogins.findByUser(ada.id()))).containsExactly(first, second);
        assertThat(asUser(ada.id(), () -> externalLogins.lockByUser(ada.id()))).containsExactly(first, second);
    }

    @Test
    void anotherUsersTransactionNeitherSeesNorDeletesTheLinks() {
        var ada = newUser(true);
        var grace = newUser(true);
        var adas = stored(anExternalLogin().withUserId(ada.id()).withLinkedAt(NOW).build());

        assertThat(asUser(grace.id(), () -> externalLogins.findByUser(ada.id()))).isEmpty();
        assertThat(asUser(grace.id(), () -> externalLogins.lockByUser(ada.id()))).isEmpty();
        assertThat(asUser(grace.id(), () -> externalLogins.delete(ada.id(), adas.id()))).isFalse();
        assertThat(asUser(ada.id(), () -> externalLogins.findByUser(ada.id()))).containsExactly(adas);
        var forged = anExternalLogin().withUserId(ada.id()).build();
        assertThatThrownBy(() -> asUser(grace.id(), () -> {
            externalLogins.insert(forged);
            return null;
        })).as("row-level security refuses a link for someone else").isNotInstanceOf(ConflictException.class);
    }

    @Test
    void aProvidersSubjectLinksOneAccountOnly() {
        var ada = newUser(true);
        var grace = newUser(false);
        var subject = aUniqueSubject();
        var adas = stored(anExternalLogin().withUserId(ada.id()).withSubject(subject).withLinkedAt(NOW).build());

        assertThatThrownBy(() -> stored(anExternalLogin().withUserId(grace.id()).withSubject(subject).build()))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> stored(anExternalLogin().withUserId(ada.id()).withSubject(subject).build()))
                .isInstanceOf(ConflictException.class);
        var otherProvider = stored(anExternalLogin().withUserId(grace.id()).withProvider("other-idp")
                .withSubject(subject).withLinkedAt(NOW).build());

        assertThat(asUser(ada.id(), () -> externalLogins.findByUser(ada.id()))).containsExactly(adas);
        assertThat(asUser(grace.id(), () -> externalLogins.findByUser(grace.id()))).containsExactly(otherProvider);
    }

    @Test
    void deleteRemovesOneLink() {
        var ada = newUser(true);
        var kept = stored(anExternalLogin().withUserId(ada.id()).withLinkedAt(NOW).build());
        var removed = stored(anExternalLogin().withUserId(ada.id()).withLinkedAt(NOW).build());

        assertThat(asUser(ada.id(), () -> externalLogins.delete(ada.id(), removed.id()))).isTrue();
        assertThat(asUser(ada.id(), () -> externalLogins.delete(ada.id(), removed.id()))).isFalse();
        assertThat(asUser(ada.id(), () -> externalLogins.delete(ada.id(), ExternalLoginId.generate()))).isFalse();
        assertThat(asUser(ada.id(), () -> externalLogins.findByUser(ada.id()))).containsExactly(kept);
    }

    @Test
    void theLookupFindsTheLinkedAccountAcrossUsersAndOutsideTransactions() {
        var ada = newUser(false);
        var subject = "Case-Sensitive-" + UUID.randomUUID();
        stored(anExternalLogin().withUserId(ada.id()).withProvider("google").withSubject(subject).build());

        assertThat(lookup.findAccount("google", subject))
                .contains(new ExternalLoginLookup.LinkedAccount(ada.id(), User.Status.ACTIVE));
        assertThat(lookup.findAccount("google", subject.toLowerCase())).isEmpty();
        assertThat(lookup.findAccount("acme-sso", subject)).isEmpty();
        assertThat(lookup.findAccount("google", aUniqueSubject())).isEmpty();
    }

    @Test
    void theLookupNamesOrganizationsBySlugOrIdOnly() {
        var slug = transactions.read(organization, () -> organizationRepository.findById(organization))
                .orElseThrow().slug().value();

        assertThat(lookup.findOrganizationId(slug)).contains(organization);
        assertThat(lookup.findOrganizationId(organization.value().toString())).contains(organization);
        assertThat(lookup.findOrganizationId("no-such-organization-" + UUID.randomUUID())).isEmpty();
        assertThat(lookup.findOrganizationId(UUID.randomUUID().toString())).isEmpty();
        assertThat(lookup.findOrganizationId("nul\u0000byte")).isEmpty();
        assertThat(lookup.findOrganizationId("' OR true --")).isEmpty();
    }

    @Test
    void aPasswordlessAccountHasAProfileButNoPasswordAndItsAddressStaysUnique() {
        var grace = newUser(false);

        asUser(grace.id(), () -> {
            assertThat(users.findById(grace.id())).contains(grace);
            assertThat(users.findPasswordHash(grace.id())).isEmpty();
            assertThat(users.findProfile(grace.id())).hasValueSatisfying(
                    profile -> assertThat(profile.displayName()).isEqualTo("Test User"));
            return null;
        });
        var sameAddress = User.register(new EmailAddress(grace.email().value().toUpperCase()), NOW);
        assertThatThrownBy(() -> asUser(sameAddress.id(), () -> {
            users.register(sameAddress, null, null, UserProfile.initial(sameAddress.id(), "Copy", NOW));
            return null;
        })).isInstanceOf(ConflictException.class);
        assertThat(asUser(sameAddress.id(), () -> users.findById(sameAddress.id()))).isEmpty();
    }
}
