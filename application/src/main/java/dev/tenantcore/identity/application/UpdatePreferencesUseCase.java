package dev.tenantcore.identity.application;

import dev.tenantcore.identity.domain.UserPreferences;

public interface UpdatePreferencesUseCase {

    /**
     * Changes the calling user's preferences. Needs a user's access token ({@code AccessDeniedException} for an
     * API key); {@code StaleVersionException} when the expected version is not the current one.
     */
    UserPreferences updatePreferences(UpdatePreferencesCommand command);
}
