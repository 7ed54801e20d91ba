package dev.tenantcore.apikeys.application;

import dev.tenantcore.apikeys.domain.ApiKeyId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;

public interface ListApiKeysUseCase {

    /** The caller's organization's keys with their roles, newest first, revoked ones included. */
    Page<ApiKeyWithRoles> list(PageRequest<ApiKeyId> page);
}
