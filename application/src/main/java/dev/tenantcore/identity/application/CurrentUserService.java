package dev.tenantcore.identity.application;

import dev.tenantcore.identity.domain.UserPreferencesRepository;
import dev.tenantcore.identity.domain.UserRepository;
import dev.tenantcore.shared.application.CurrentCaller;
import dev.tenantcore.shared.application.CurrentTenant;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.AccessDeniedException;
import dev.tenantcore.shared.domain.Actor;
import dev.tenantcore.shared.domain.ResourceNotFoundException;
import dev.tenantcore.shared.domain.UserId;
import jakarta.inject.Singleton;

/** The calling user's own account. */
@Singleton
final class CurrentUserService implements GetCurrentUserUseCase {
    private final UserRepository users;
    private final UserPreferencesRepository preferences;
    private final TenantTransactions transactions;
    private final CurrentTenant currentTenant;
    private final CurrentCaller currentCaller;

    CurrentUserService(UserRepository users, UserPreferencesRepository preferences, TenantTransactions transactions,
            CurrentTenant currentTenant, CurrentCaller currentCaller) {
        this.users = users;
        this.preferences = preferences;
        this.transactions = transactions;
        this.currentTenant = currentTenant;
        this.currentCaller = currentCaller;
    }

    @Override
    public CurrentUser me() {
        var userId = callingUser(currentCaller);
        var organizationId = currentTenant.organizationId();
        return transactions.read(organizationId, () -> {
            // Gone if the account was erased while its access token still lives.
            var user = users.findById(userId).orElseThrow(() -> new ResourceNotFoundException("user"));
            return new CurrentUser(user, users.findProfile(userId).orElse(null),
                    preferences.findByUserId(userId).orElse(null), organizationId, currentTenant.permissions());
        });
    }

    /** The user behind the request's credential; an API key or no credential is refused. */
    static UserId callingUser(CurrentCaller currentCaller) {
        var actor = currentCaller.caller().actor();
        if (actor.type() != Actor.Type.USER) {
            throw new AccessDeniedException("this needs a user's access token, not an API key");
        }
        return new UserId(actor.id());
    }
}
