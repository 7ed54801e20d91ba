package dev.tenantcore.apikeys.application;

import dev.tenantcore.access.domain.TestPermissions;
import dev.tenantcore.apikeys.domain.ApiKeyCredential;
import dev.tenantcore.apikeys.domain.ApiKeyCredentials;
import java.time.Clock;
import java.util.ArrayList;
import dev.tenantcore.shared.domain.Permission;
import java.util.List;

/**
 * The cross-tenant prefix lookup over the in-memory key store: usable means not revoked and not expired (expiry
 * judged by the clock, as the database judges it by its own now()). It needs no tenant transaction; it records
 * the prefixes it was asked for so tests can see whether a lookup happened at all.
 */
public final class InMemoryApiKeyCredentials implements ApiKeyCredentials {
    private final InMemoryApiKeyRepository keys;
    private final Clock clock;
    private final List<String> lookedUpPrefixes = new ArrayList<>();
    private final List<String> forgottenPrefixes = new ArrayList<>();

    public InMemoryApiKeyCredentials(InMemoryApiKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public List<ApiKeyCredential> findUsableByPrefix(String prefix) {
        lookedUpPrefixes.add(prefix);
        var now = clock.instant();
        return keys.acrossTenants().stream()
                .filter(key -> key.prefix().equals(prefix))
                .filter(key -> !key.isRevoked())
                .filter(key -> key.expiresAt() == null || key.expiresAt().isAfter(now))
                .map(key -> new ApiKeyCredential(key.id(), key.organizationId(), key.secretHash(), key.lastUsedAt(),
                        TestPermissions.ALL, key.expiresAt()))
                .toList();
    }

    @Override
    public void forget(String prefix) {
        forgottenPrefixes.add(prefix);
    }

    /** The prefixes the caller asked to be forgotten, in order. */
    public List<String> forgottenPrefixes() {
        return List.copyOf(forgottenPrefixes);
    }

    public List<String> lookedUpPrefixes() {
        return List.copyOf(lookedUpPrefixes);
    }
}
