package dev.tenantcore.identity.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.identity.domain.EmailAddress;
import dev.tenantcore.identity.domain.PreferenceSettings;
import dev.tenantcore.identity.domain.User;
import dev.tenantcore.identity.domain.UserPreferences;
import dev.tenantcore.identity.domain.UserProfile;
import dev.tenantcore.shared.application.Caller;
import dev.tenantcore.shared.application.CurrentCaller;
import dev.tenantcore.shared.application.FakeTenantTransactions;
import dev.tenantcore.shared.application.FakeTenantTransactions.Outcome;
import dev.tenantcore.shared.application.FakeTenantTransactions.Transaction;
import dev.tenantcore.shared.application.FieldChange;
import dev.tenantcore.shared.application.FixedCurrentTenant;
import dev.tenantcore.shared.domain.AccessDeniedException;
import dev.tenantcore.shared.domain.Actor;
import dev.tenantcore.shared.domain.ExpectedVersion;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.ResourceNotFoundException;
import dev.tenantcore.shared.domain.StaleVersionException;
import dev.tenantcore.shared.domain.UserId;
import dev.tenantcore.tasks.domain.TaskPermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AccountSettingsServiceTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final FakeTenantTransactions transactions = new FakeTenantTransactions();
    private final InMemoryPeople people = new InMemoryPeople(transactions, clock);
    private final OrganizationId acme = OrganizationId.generate();
    private final UserId ada = UserId.generate();
    private Caller caller = new Caller(Actor.user(ada.value()), "req", "192.0.2.1", null);
    private final CurrentCaller currentCaller = () -> caller;

    /** Ada holds no permission at all in Acme: her own profile needs none. */
    private final AccountSettingsService service = new AccountSettingsService(people, people, people, transactions,
            FixedCurrentTenant.of(acme).withOnly(), currentCaller, clock);

    AccountSettingsServiceTest() {
        var user = new User(ada, new EmailAddress("ada@example.com"), User.Status.ACTIVE, 1, NOW, NOW);
        people.register(user, "hash:x", NOW, UserProfile.initial(ada, "Ada", NOW));
        clock.advance(Duration.ofMinutes(1));
    }

    private static <T> FieldChange<T> to(T value) {
        return FieldChange.to(value);
    }

    private static <T> FieldChange<T> same() {
        return FieldChange.unchanged();
    }

    @Nested
    class Profile {

        private UserProfile update(ExpectedVersion expected, FieldChange<String> displayName,
                FieldChange<String> avatarUrl, FieldChange<String> locale, FieldChange<String> timeZone,
                FieldChange<String> bio) {
            return service.updateProfile(new UpdateProfileCommand(expected, displayName, avatarUrl, locale, timeZone,
                    bio));
        }

        @Test
        void changesOnlyThePresentFieldsAndBumpsTheVersion() {
            update(ExpectedVersion.ANY, same(), to("https://cdn.example/ada.png"), to("en-GB"), to("Europe/London"),
                    to("Mathematician."));

            var updated = update(ExpectedVersion.exactly(2), to("Ada Lovelace"), same(), same(), to(null), same());

            assertThat(updated.displayName()).isEqualTo("Ada Lovelace");
            assertThat(updated.avatarUrl()).isEqualTo("https://cdn.example/ada.png");
            assertThat(updated.locale()).isEqualTo("en-GB");
            assertThat(updated.timeZone()).as("null clears").isNull();
            assertThat(updated.bio()).isEqualTo("Mathematician.");
            assertThat(updated.version()).isEqualTo(3);
            assertThat(updated.updatedAt()).isEqualTo(clock.instant());
            assertThat(people.profileOf(ada)).contains(updated);
            assertThat(transactions.transactions()).allSatisfy(transaction -> assertThat(transaction)
                    .isEqualTo(new Transaction(acme, false, Outcome.COMMITTED)));
        }

        @Test
        void aStaleVersionChangesNothing() {
            assertThatThrownBy(() -> update(ExpectedVersion.exactly(7), to("Mallory"), same(), same(), same(), same()))
                    .isInstanceOf(StaleVersionException.class);
            assertThat(people.profileOf(ada).orElseThrow().displayName()).isEqualTo("Ada");
        }

        @Test
        void badValuesAreRefusedByNameAndChangeNothing() {
            var before = people.profileOf(ada).orElseThrow();
            assertThatThrownBy(() -> update(ExpectedVersion.ANY, same(), to("ftp://x.example/a"), same(), same(),
                    same())).isInstanceOf(InvariantViolationException.class).extracting("field").isEqualTo("avatarUrl");
            assertThatThrownBy(() -> update(ExpectedVersion.ANY, to("Ada"), same(), to("english"), same(), same()))
                    .isInstanceOf(InvariantViolationException.class).extracting("field").isEqualTo("locale");
            assertThatThrownBy(() -> update(ExpectedVersion.ANY, same(), same(), same(), to("Mars/Base"), same()))
                    .isInstanceOf(InvariantViolationException.class).extracting("field").isEqualTo("timeZone");
            assertThatThrownBy(() -> update(ExpectedVersion.ANY, same(), same(), same(), same(), to("b".repeat(2001))))
                    .isInstanceOf(InvariantViolationException.class).extracting("field").isEqualTo("bio");
            assertThatThrownBy(() -> update(ExpectedVersion.ANY, to(null), same(), same(), same(), same()))
                    .isInstanceOf(InvariantViolationException.class).extracting("field").isEqualTo("displayName");
            assertThat(people.profileOf(ada)).contains(before);
        }

        @Test
        void nothingToChangeReturnsTheProfileAsItIs() {
            var unchanged = update(ExpectedVersion.exactly(1), same(), same(), same(), same(), same());

            assertThat(unchanged.version()).isEqualTo(1);
            assertThat(people.profileOf(ada)).contains(unchanged);
        }

        @Test
        void anApiKeyHasNoProfile() {
            caller = new Caller(Actor.apiKey(UUID.randomUUID()), null, null, null);
            assertThatThrownBy(() -> update(ExpectedVersion.ANY, to("Key"), same(), same(), same(), same()))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(transactions.transactions()).isEmpty();
        }

        @Test
        void anErasedAccountHasNoProfileEither() {
            caller = new Caller(Actor.user(UUID.randomUUID()), null, null, null);
            assertThatThrownBy(() -> update(ExpectedVersion.ANY, to("Ghost"), same(), same(), same(), same()))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }

    @Nested
    class Preferences {

        private UserPreferences update(ExpectedVersion expected, FieldChange<Boolean> emailNotifications,
                FieldChange<UserPreferences.Theme> theme, FieldChange<PreferenceSettings> settings) {
            return service.updatePreferences(new UpdatePreferencesCommand(expected, emailNotifications, theme,
                    settings));
        }

        @Test
        void changesOnlyThePresentFieldsAndReplacesSettingsWhole() {
            update(ExpectedVersion.ANY, same(), same(), to(new PreferenceSettings("{\"a\":1,\"b\":2}")));

            var updated = update(ExpectedVersion.exactly(2), to(false), to(UserPreferences.Theme.DARK),
                    to(new PreferenceSettings("{\"c\":3}")));

            assertThat(updated.emailNotifications()).isFalse();
            assertThat(updated.theme()).isEqualTo(UserPreferences.Theme.DARK);
            assertThat(updated.settings().json()).isEqualTo("{\"c\":3}");
            assertThat(updated.version()).isEqualTo(3);
            assertThat(people.preferencesOf(ada)).contains(updated);

            var themeOnly = update(ExpectedVersion.ANY, same(), to(UserPreferences.Theme.LIGHT), same());
            assertThat(themeOnly.emailNotifications()).isFalse();
            assertThat(themeOnly.settings().json()).isEqualTo("{\"c\":3}");
        }

        @Test
        void noFieldCanBeNull() {
            assertThatThrownBy(() -> update(ExpectedVersion.ANY, to(null), same(), same()))
                    .isInstanceOf(InvariantViolationException.class).extracting("field")
                    .isEqualTo("emailNotifications");
            assertThatThrownBy(() -> update(ExpectedVersion.ANY, same(), to(null), same()))
                    .isInstanceOf(InvariantViolationException.class).extracting("field").isEqualTo("theme");
            assertThatThrownBy(() -> update(ExpectedVersion.ANY, same(), same(), to(null)))
                    .isInstanceOf(InvariantViolationException.class).extracting("field").isEqualTo("settings");
            assertThat(people.preferencesOf(ada).orElseThrow().version()).isEqualTo(1);
        }

        @Test
        void aStaleVersionChangesNothing() {
            assertThatThrownBy(() -> update(ExpectedVersion.exactly(2), to(false), same(), same()))
                    .isInstanceOf(StaleVersionException.class);
            assertThat(people.preferencesOf(ada).orElseThrow().emailNotifications()).isTrue();
        }

        @Test
        void anApiKeyHasNoPreferences() {
            caller = new Caller(Actor.apiKey(UUID.randomUUID()), null, null, null);
            assertThatThrownBy(() -> update(ExpectedVersion.ANY, to(false), same(), same()))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void theCurrentUserCarriesProfileAndPreferences() {
        var getMe = new CurrentUserService(people, people, transactions,
                FixedCurrentTenant.of(acme).withOnly(TaskPermissions.READ), currentCaller);

        var me = getMe.me();

        assertThat(me.profile().displayName()).isEqualTo("Ada");
        assertThat(me.preferences().theme()).isEqualTo(UserPreferences.Theme.SYSTEM);
        assertThat(me.permissions()).containsExactly(TaskPermissions.READ);
        assertThat(transactions.onlyTransaction()).isEqualTo(new Transaction(acme, true, Outcome.COMMITTED));
    }
}
