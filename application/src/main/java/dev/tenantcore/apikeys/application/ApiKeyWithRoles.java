package dev.tenantcore.apikeys.application;

import dev.tenantcore.apikeys.domain.ApiKey;
import java.util.List;
import java.util.Objects;

/** A key with the names of the roles it acts with, sorted. */
public record ApiKeyWithRoles(ApiKey key, List<String> roles) {
    public ApiKeyWithRoles {
        Objects.requireNonNull(key, "key");
        roles = List.copyOf(roles);
    }
}
