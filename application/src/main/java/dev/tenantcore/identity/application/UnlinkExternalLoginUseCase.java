package dev.tenantcore.identity.application;

import dev.tenantcore.identity.domain.ExternalLoginId;

public interface UnlinkExternalLoginUseCase {

    /**
     * Removes one of the calling user's links. {@code ResourceNotFoundException} for an id that is not theirs;
     * {@code ConflictException} when it is their last way to log in (no password and no other link).
     */
    void unlink(ExternalLoginId id);
}
