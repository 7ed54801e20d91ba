package dev.tenantcore.identity.application;

import dev.tenantcore.identity.domain.UserProfile;

public interface UpdateProfileUseCase {

    /**
     * Changes the calling user's profile. Needs a user's access token ({@code AccessDeniedException} for an API
     * key); {@code StaleVersionException} when the expected version is not the current one.
     */
    UserProfile updateProfile(UpdateProfileCommand command);
}
