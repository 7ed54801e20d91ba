package dev.tenantcore.identity.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.identity.domain.AccountErasureRepository;
import dev.tenantcore.identity.domain.UserProfile;
import dev.tenantcore.identity.domain.UserProfileRepository;
import dev.tenantcore.identity.domain.UserRepository;
import dev.tenantcore.shared.adapter.persistence.DatabaseTest;
import dev.tenantcore.shared.adapter.persistence.TestOrganizations;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.OrganizationId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The UserProfileRepository port's contract on real PostgreSQL, as the runtime role. */
@MicronautTest(transactional = false)
class JdbcUserProfileRepositoryTest extends DatabaseTest {
    @Inject
    UserProfileRepository profiles;
    @Inject
    UserRepository users;
    @Inject
    TenantTransactions transactions;
    @Inject
    TestOrganizations organizations;
    @Inject
    TestAccounts people;
    @Inject
    AccountErasureRepository erasure;

    OrganizationId acme;
    TestAccounts.Person ada;

    @BeforeEach
    void createAccount() {
        acme = organizations.create();
        ada = people.register(acme, "Ada");
    }

    private UserProfile profileOf(TestAccounts.Person person) {
        return transactions.readForUser(acme, person.id(), () -> users.findProfile(person.id())).orElseThrow();
    }

    @Test
    void writesEveryFieldBumpsTheVersionAndLetsTheDatabaseStampTheChange() {
        var before = profileOf(ada);
        var revised = before.revised("Ada Lovelace", "https://cdn.example/ada.png", "en-GB", "Europe/London",
                "Analyst.", Instant.now());

        var stored = transactions.writeForUser(acme, ada.id(), () -> profiles.update(revised)).orElseThrow();

        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.displayName()).isEqualTo("Ada Lovelace");
        assertThat(stored.avatarUrl()).isEqualTo("https://cdn.example/ada.png");
        assertThat(stored.locale()).isEqualTo("en-GB");
        assertThat(stored.timeZone()).isEqualTo("Europe/London");
        assertThat(stored.bio()).isEqualTo("Analyst.");
        assertThat(stored.createdAt()).isEqualTo(before.createdAt());
        assertThat(stored.updatedAt()).isAfter(before.updatedAt());
        assertThat(profileOf(ada)).isEqualTo(stored);

        var cleared = transactions.writeForUser(acme, ada.id(),
                () -> profiles.update(stored.revised("Ada", null, null, null, null, Instant.now()))).orElseThrow();
        assertThat(cleared.avatarUrl()).isNull();
        assertThat(cleared.bio()).isNull();
        assertThat(cleared.version()).isEqualTo(3);
    }

    @Test
    void aStaleVersionWritesNothing() {
        var before = profileOf(ada);
        transactions.writeForUser(acme, ada.id(),
                () -> profiles.update(before.revised("First", null, null, null, null, Instant.now())));

        var second = transactions.writeForUser(acme, ada.id(),
                () -> profiles.update(before.revised("Second", null, null, null, null, Instant.now())));

        assertThat(second).isEmpty();
        assertThat(profileOf(ada).displayName()).isEqualTo("First");
    }

    @Test
    void anotherUserCannotWriteTheProfileEvenAsAFellowMember() {
        var grace = people.register(acme, "Grace");
        people.makeMember(acme, ada.id(), "member");
        people.makeMember(acme, grace.id(), "owner");
        var before = profileOf(ada);

        var byGrace = transactions.writeForUser(acme, grace.id(),
                () -> profiles.update(before.revised("Hijacked", null, null, null, null, Instant.now())));
        var byTheOrganization = transactions.write(acme,
                () -> profiles.update(before.revised("Hijacked", null, null, null, null, Instant.now())));

        assertThat(byGrace).isEmpty();
        assertThat(byTheOrganization).isEmpty();
        assertThat(profileOf(ada)).isEqualTo(before);
    }

    @Test
    void anOrganizationSeesItsMembersProfileOnlyWhileTheyAreMembers() {
        assertThat(transactions.read(acme, () -> users.findProfile(ada.id()))).isEmpty();

        people.makeMember(acme, ada.id(), "member");
        assertThat(transactions.read(acme, () -> users.findProfile(ada.id())).map(UserProfile::displayName))
                .contains(ada.displayName());

        transactions.write(acme, () -> {
            erasure.leave(acme, ada.id());
            return null;
        });
        assertThat(transactions.read(acme, () -> users.findProfile(ada.id()))).isEmpty();
        assertThat(profileOf(ada).displayName()).as("still the person's own").isEqualTo(ada.displayName());
    }
}
