package dev.tenantcore.__context__.application;

import dev.tenantcore.__context__.domain.__Entity__;
import dev.tenantcore.__context__.domain.__Entity__Id;
import dev.tenantcore.__context__.domain.__Entity__Repository;
import dev.tenantcore.shared.application.FakeTenantTransactions;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The port over a map, honouring its contract: conditional update and delete on the stored version, the version
 * bumped and the update time set on every update (the database trigger's job), newest first by id. Each call
 * checks, as the database does, that a transaction for the organization is active.
 */
final class InMemory__Entity__Repository implements __Entity__Repository {
    private final FakeTenantTransactions transactions;
    private final Clock clock;
    private final Map<__Entity__Id, __Entity__> stored = new LinkedHashMap<>();

    InMemory__Entity__Repository(FakeTenantTransactions transactions, Clock clock) {
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

    List<__Entity__> all() {
        return List.copyOf(stored.values());
    }

    @Override
    public __Entity__ insert(__Entity__ __entity__) {
        transactions.requireWritable(__entity__.organizationId());
        stored.put(__entity__.id(), __entity__);
        return __entity__;
    }

    @Override
    public Optional<__Entity__> findById(OrganizationId organizationId, __Entity__Id id) {
        transactions.requireActive(organizationId);
        return Optional.ofNullable(stored.get(id)).filter(found -> found.organizationId().equals(organizationId));
    }

    @Override
    public Page<__Entity__> list(OrganizationId organizationId, PageRequest<__Entity__Id> page) {
        transactions.requireActive(organizationId);
        var newestFirst = stored.values().stream()
                .filter(found -> found.organizationId().equals(organizationId))
                .filter(found -> page.after().map(after -> found.id().value().compareTo(after.value()) < 0).orElse(true))
                .sorted(Comparator.comparing((__Entity__ found) -> found.id().value()).reversed())
                .limit(page.limit() + 1L)
                .toList();
        return Page.fromOverfetch(newestFirst, page.limit());
    }

    @Override
    public Optional<__Entity__> update(__Entity__ __entity__) {
        transactions.requireWritable(__entity__.organizationId());
        var current = findById(__entity__.organizationId(), __entity__.id());
        if (current.isEmpty() || current.get().version() != __entity__.version()) {
            return Optional.empty();
        }
        var updated = __Entity__.reconstitute(__entity__.id(), __entity__.organizationId(), __entity__.name(),
                __entity__.description(), __entity__.version() + 1, __entity__.createdAt(), clock.instant());
        stored.put(updated.id(), updated);
        return Optional.of(updated);
    }

    @Override
    public boolean delete(OrganizationId organizationId, __Entity__Id id, long version) {
        transactions.requireWritable(organizationId);
        var current = findById(organizationId, id);
        if (current.isEmpty() || current.get().version() != version) {
            return false;
        }
        stored.remove(id);
        return true;
    }
}
