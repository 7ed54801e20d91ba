package dev.tenantcore.apikeys.application;

import dev.tenantcore.apikeys.domain.ApiKey;
import dev.tenantcore.apikeys.domain.ApiKeyId;
import dev.tenantcore.apikeys.domain.ApiKeyRepository;
import dev.tenantcore.shared.application.FakeTenantTransactions;
import dev.tenantcore.shared.application.TimeOrderedIds;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API key port over a map, honouring its contract: revocation written only on the expected version (which it
 * bumps, setting the update time), a use recorded only when the last one is older than the recording interval,
 * newest first by id. Each call checks that a transaction for the organization is active, as the JDBC adapter does.
 */
public final class InMemoryApiKeyRepository implements ApiKeyRepository {
    private final FakeTenantTransactions transactions;
    private final Clock clock;
    private final Map<ApiKeyId, ApiKey> stored = new LinkedHashMap<>();
    private final List<String> writes = new ArrayList<>();
    private RuntimeException failNextInsert;
    private RuntimeException failNextRecordUse;
    private Runnable beforeNextRevocation;

    public InMemoryApiKeyRepository(FakeTenantTransactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
        transactions.register(() -> {
            var copy = new LinkedHashMap<>(stored);
            return () -> {
                stored.clear();
                stored.putAll(copy);
            };
        });
    }

    // ---- test set-up and inspection; these bypass the tenant checks on purpose ----

    public void given(ApiKey... keys) {
        for (ApiKey key : keys) {
            stored.put(key.id(), key);
        }
    }

    public Optional<ApiKey> stored(ApiKeyId id) {
        return Optional.ofNullable(stored.get(id));
    }

    public List<ApiKey> all() {
        return List.copyOf(stored.values());
    }

    /** The write calls made (insert, updateRevocation, recordUse), successful or not, in order. */
    public List<String> writes() {
        return List.copyOf(writes);
    }

    /** The next insert throws {@code failure} instead of storing anything, as a failing database would. */
    public void failNextInsertWith(RuntimeException failure) {
        this.failNextInsert = failure;
    }

    /** The next recordUse throws {@code failure}, as a failing database would. */
    public void failNextRecordUseWith(RuntimeException failure) {
        this.failNextRecordUse = failure;
    }

    /** Runs {@code interference} at the start of the next revocation write: another request got there first. */
    public void beforeNextRevocation(Runnable interference) {
        this.beforeNextRevocation = interference;
    }

    // ---- the port ----

    @Override
    public void insert(ApiKey key) {
        transactions.requireWritable(key.organizationId());
        writes.add("insert " + key.id());
        var failure = failNextInsert;
        failNextInsert = null;
        if (failure != null) {
            throw failure;
        }
        if (stored.containsKey(key.id())) {
            throw new IllegalStateException("duplicate api key id " + key.id());
        }
        stored.put(key.id(), key);
    }

    @Override
    public Optional<ApiKey> findById(OrganizationId organizationId, ApiKeyId id) {
        transactions.requireActive(organizationId);
        return Optional.ofNullable(stored.get(id)).filter(key -> key.organizationId().equals(organizationId));
    }

    @Override
    public Page<ApiKey> list(OrganizationId organizationId, PageRequest<ApiKeyId> page) {
        transactions.requireActive(organizationId);
        var rows = stored.values().stream()
                .filter(key -> key.organizationId().equals(organizationId))
                .filter(key -> page.after().map(after -> TimeOrderedIds.compare(key.id().value(), after.value()) < 0)
                        .orElse(true))
                .sorted(Comparator.comparing((ApiKey key) -> key.id().value(), TimeOrderedIds.ASCENDING).reversed())
                .limit(page.limit() + 1L)
                .toList();
        return Page.fromOverfetch(rows, page.limit());
    }

    @Override
    public boolean updateRevocation(ApiKey key) {
        transactions.requireWritable(key.organizationId());
        var interference = beforeNextRevocation;
        beforeNextRevocation = null;
        if (interference != null) {
            interference.run();
        }
        writes.add("updateRevocation " + key.id());
        var current = stored.get(key.id());
        if (current == null || !current.organizationId().equals(key.organizationId())
                || current.version() != key.version()) {
            return false;
        }
        stored.put(key.id(), new ApiKey(current.id(), current.organizationId(), current.name(), current.prefix(),
                current.secretHash(), current.expiresAt(), key.revokedAt(), current.lastUsedAt(),
                current.version() + 1, current.createdAt(), clock.instant()));
        return true;
    }

    @Override
    public void recordUse(OrganizationId organizationId, ApiKeyId id, Instant now) {
        transactions.requireWritable(organizationId);
        writes.add("recordUse " + id);
        if (failNextRecordUse != null) {
            var failure = failNextRecordUse;
            failNextRecordUse = null;
            throw failure;
        }
        var current = stored.get(id);
        if (current == null || !current.organizationId().equals(organizationId)) {
            return;
        }
        var staleBefore = now.minus(ApiKey.USAGE_RECORDING_INTERVAL);
        if (current.lastUsedAt() != null && !current.lastUsedAt().isBefore(staleBefore)) {
            return;
        }
        // Like the JDBC adapter: last use is bookkeeping, not a change a client's If-Match should trip over.
        stored.put(id, new ApiKey(current.id(), current.organizationId(), current.name(), current.prefix(),
                current.secretHash(), current.expiresAt(), current.revokedAt(), now, current.version(),
                current.createdAt(), clock.instant()));
    }

    /** Every stored key, whatever its tenant: only for {@link InMemoryApiKeyCredentials}. */
    List<ApiKey> acrossTenants() {
        return List.copyOf(stored.values());
    }
}
