package dev.tenantcore.apikeys.adapter.persistence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tenantcore.apikeys.domain.ApiKeyCredential;
import dev.tenantcore.apikeys.domain.ApiKeyCredentials;
import dev.tenantcore.shared.application.PermissionChanges;
import dev.tenantcore.shared.domain.OrganizationId;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;

/**
 * Keeps what the database lookup found for a prefix for a few seconds ({@code tenantcore.auth.api-key-cache-ttl},
 * 5 s by default, 0 to keep nothing), so that a busy key costs one lookup per period instead of one per request:
 * a round trip and a permission computation less on every API-key request.
 *
 * <p>What that costs: a key revoked through this process is forgotten at once ({@link #forget}, after the commit),
 * and so are an organization's keys when its roles' permissions change here ({@link #changedIn}); through another
 * instance, such a change reaches this one within one period. Expiry is exact, since the credential carries it.
 * Only keys that were found are kept, so a token guessed before its key existed cannot be refused for a period, and
 * unknown prefixes cannot crowd out real keys.
 */
@Primary
@Singleton
final class CachingApiKeyCredentials implements ApiKeyCredentials, PermissionChanges {
    /** Far above the number of keys in busy use at once; a bound so that memory stays bounded too. */
    private static final int MAXIMUM_KEPT_PREFIXES = 10_000;

    private final JdbcApiKeyCredentials database;
    private final Cache<String, List<ApiKeyCredential>> kept;

    CachingApiKeyCredentials(JdbcApiKeyCredentials database,
            @Value("${tenantcore.auth.api-key-cache-ttl:5s}") Duration timeToLive) {
        if (timeToLive.isNegative()) {
            throw new IllegalArgumentException("tenantcore.auth.api-key-cache-ttl must not be negative");
        }
        this.database = database;
        this.kept = timeToLive.isZero() ? null : Caffeine.newBuilder()
                .expireAfterWrite(timeToLive)
                .maximumSize(MAXIMUM_KEPT_PREFIXES)
                .build();
    }

    @Override
    public List<ApiKeyCredential> findUsableByPrefix(String prefix) {
        if (kept == null) {
            return database.findUsableByPrefix(prefix);
        }
        var found = kept.getIfPresent(prefix);
        if (found == null) {
            found = List.copyOf(database.findUsableByPrefix(prefix));
            if (!found.isEmpty()) {
                kept.put(prefix, found);
            }
        }
        return found;
    }

    @Override
    public void forget(String prefix) {
        if (kept != null) {
            kept.invalidate(prefix);
        }
    }

    @Override
    public void changedIn(OrganizationId organizationId) {
        if (kept != null) {
            kept.asMap().values().removeIf(found -> found.stream()
                    .anyMatch(credential -> credential.organizationId().equals(organizationId)));
        }
    }
}
