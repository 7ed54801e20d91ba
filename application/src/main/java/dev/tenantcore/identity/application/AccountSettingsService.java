package dev.tenantcore.identity.application;

import static dev.tenantcore.identity.application.CurrentUserService.callingUser;

import dev.tenantcore.identity.domain.UserPreferences;
import dev.tenantcore.identity.domain.UserPreferencesRepository;
import dev.tenantcore.identity.domain.UserProfile;
import dev.tenantcore.identity.domain.UserProfileRepository;
import dev.tenantcore.identity.domain.UserRepository;
import dev.tenantcore.shared.application.CurrentCaller;
import dev.tenantcore.shared.application.CurrentTenant;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.ResourceNotFoundException;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The caller's own profile and preferences. No permission is needed: they are the person's, whatever their roles;
 * the transaction runs in the token's organization with the caller as its user, which the database requires for
 * writing a person's rows.
 */
@Singleton
final class AccountSettingsService implements UpdateProfileUseCase, UpdatePreferencesUseCase {
    private final UserRepository users;
    private final UserProfileRepository profiles;
    private final UserPreferencesRepository preferences;
    private final TenantTransactions transactions;
    private final CurrentTenant currentTenant;
    private final CurrentCaller currentCaller;
    private final Clock clock;

    AccountSettingsService(UserRepository users, UserProfileRepository profiles,
            UserPreferencesRepository preferences, TenantTransactions transactions, CurrentTenant currentTenant,
            CurrentCaller currentCaller, Clock clock) {
        this.users = users;
        this.profiles = profiles;
        this.preferences = preferences;
        this.transactions = transactions;
        this.currentTenant = currentTenant;
        this.currentCaller = currentCaller;
        this.clock = clock;
    }

    @Override
    public UserProfile updateProfile(UpdateProfileCommand command) {
        var userId = callingUser(currentCaller);
        return transactions.write(currentTenant.organizationId(), () -> {
            var current = users.findProfile(userId).orElseThrow(() -> new ResourceNotFoundException("profile"));
            command.expectedVersion().check(current.version());
            if (!command.changesAnything()) {
                return current;
            }
            var revised = current.revised(
                    command.displayName().orElse(current.displayName()),
                    command.avatarUrl().orElse(current.avatarUrl()),
                    command.locale().orElse(current.locale()),
                    command.timeZone().orElse(current.timeZone()),
                    command.bio().orElse(current.bio()),
                    clock.instant());
            return profiles.update(revised)
                    .orElseThrow(() -> new ConflictException("the profile was changed concurrently; retry"));
        });
    }

    @Override
    public UserPreferences updatePreferences(UpdatePreferencesCommand command) {
        var userId = callingUser(currentCaller);
        return transactions.write(currentTenant.organizationId(), () -> {
            var current = preferences.findByUserId(userId)
                    .orElseThrow(() -> new ResourceNotFoundException("preferences"));
            command.expectedVersion().check(current.version());
            if (!command.changesAnything()) {
                return current;
            }
            var revised = current.revised(
                    command.emailNotifications().orElse(current.emailNotifications()),
                    command.theme().orElse(current.theme()),
                    command.settings().orElse(current.settings()),
                    clock.instant());
            return preferences.update(revised)
                    .orElseThrow(() -> new ConflictException("the preferences were changed concurrently; retry"));
        });
    }
}
