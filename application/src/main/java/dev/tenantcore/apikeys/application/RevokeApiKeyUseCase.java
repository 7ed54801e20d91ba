package dev.tenantcore.apikeys.application;

import dev.tenantcore.apikeys.domain.ApiKeyId;
import dev.tenantcore.shared.domain.ExpectedVersion;

public interface RevokeApiKeyUseCase {

    /** Revokes one of the caller's keys; it stops authenticating at once. Revoking twice is harmless. */
    void revoke(ApiKeyId id, ExpectedVersion expectedVersion);
}
