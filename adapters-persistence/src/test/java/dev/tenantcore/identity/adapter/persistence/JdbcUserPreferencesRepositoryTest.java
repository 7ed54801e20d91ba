package dev.tenantcore.identity.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.identity.domain.PreferenceSettings;
import dev.tenantcore.identity.domain.UserPreferences;
import dev.tenantcore.identity.domain.UserPreferencesRepository;
import dev.tenantcore.shared.adapter.persistence.DatabaseTest;
import dev.tenantcore.shared.adapter.persistence.TestOrganizations;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The UserPreferencesRepository port's contract on real PostgreSQL, as the runtime role. */
@MicronautTest(transactional = false)
class JdbcUserPreferencesRepositoryTest extends DatabaseTest {
    @Inject
    UserPreferencesRepository preferences;
    @Inject
    TenantTransactions transactions;
    @Inject
    TestOrganizations organizations;
    @Inject
    TestAccounts people;

    OrganizationId acme;
    TestAccounts.Person ada;

    @BeforeEach
    void createAccount() {
        acme = organizations.create();
        ada = people.register(acme, "Ada");
    }

    private UserPreferences preferencesOf(TestAccounts.Person person) {
        return transactions.readForUser(acme, person.id(), () -> preferences.findByUserId(person.id()))
                .orElseThrow();
    }

    private Optional<UserPreferences> update(UserPreferences revised) {
        return transactions.writeForUser(acme, revised.userId(), () -> preferences.update(revised));
    }

    @Test
    void anAccountStartsWithTheDefaults() {
        var defaults = preferencesOf(ada);

        assertThat(defaults.emailNotifications()).isTrue();
        assertThat(defaults.theme()).isEqualTo(UserPreferences.Theme.SYSTEM);
        assertThat(defaults.settings().json()).isEqualTo("{}");
        assertThat(defaults.version()).isEqualTo(1);
    }

    @Test
    void storesTheTypedFieldsAndTheSettingsAsJsonb() {
        var before = preferencesOf(ada);
        var settings = new PreferenceSettings("{\"sidebar\":{\"collapsed\":true},\"pinned\":[1,2,3],\"lang\":\"é\"}");

        var stored = update(before.revised(false, UserPreferences.Theme.DARK, settings, Instant.now())).orElseThrow();

        assertThat(stored.emailNotifications()).isFalse();
        assertThat(stored.theme()).isEqualTo(UserPreferences.Theme.DARK);
        assertThat(stored.settings().json()).contains("\"collapsed\": true").contains("\"pinned\": [1, 2, 3]")
                .contains("é");
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.updatedAt()).isAfter(before.updatedAt());
        assertThat(preferencesOf(ada)).isEqualTo(stored);
        assertThat(update(before.revised(true, UserPreferences.Theme.LIGHT, settings, Instant.now())))
                .as("stale version").isEmpty();
    }

    @Test
    void settingsTheDatabaseRefusesAreAnInvariantViolationAndWriteNothing() {
        var before = preferencesOf(ada);
        // 60 KB of text, several times that as jsonb: every array element costs a header and a numeric.
        var zeros = "{\"zeros\":[" + "0,".repeat(30_000) + "0]}";
        var tooBigAsJsonb = new PreferenceSettings(zeros);
        var notJson = new PreferenceSettings("{not json}");

        for (var refused : new PreferenceSettings[] {tooBigAsJsonb, notJson}) {
            assertThatThrownBy(() -> update(before.revised(false, UserPreferences.Theme.DARK, refused,
                    Instant.now()))).isInstanceOf(InvariantViolationException.class)
                    .extracting("field").isEqualTo("settings");
        }
        assertThat(preferencesOf(ada)).isEqualTo(before);
    }

    @Test
    void othersMayReadThemOnlyAsTheUsersOrganizationAndNeverWriteThem() {
        var grace = people.register(acme, "Grace");
        var before = preferencesOf(ada);

        assertThat(transactions.readForUser(acme, grace.id(), () -> preferences.findByUserId(ada.id()))).isEmpty();
        assertThat(transactions.read(acme, () -> preferences.findByUserId(ada.id()))).isEmpty();
        people.makeMember(acme, ada.id(), "member");
        assertThat(transactions.read(acme, () -> preferences.findByUserId(ada.id()))).contains(before);

        var hijack = before.revised(false, UserPreferences.Theme.DARK, PreferenceSettings.EMPTY, Instant.now());
        assertThat(transactions.writeForUser(acme, grace.id(), () -> preferences.update(hijack))).isEmpty();
        assertThat(transactions.write(acme, () -> preferences.update(hijack))).isEmpty();
        assertThat(preferencesOf(ada)).isEqualTo(before);
    }
}
