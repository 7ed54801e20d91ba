package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.Production;
import dev.tenantcore.contacts.domain.ProductionId;
import dev.tenantcore.contacts.domain.ProductionRepository;
import dev.tenantcore.shared.application.FakeTenantTransactions;
import dev.tenantcore.shared.domain.ConflictException;
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
final class InMemoryProductionRepository implements ProductionRepository {
    private final FakeTenantTransactions transactions;
    private final Clock clock;
    private final Map<ProductionId, Production> stored = new LinkedHashMap<>();

    InMemoryProductionRepository(FakeTenantTransactions transactions, Clock clock) {
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

    List<Production> all() {
        return List.copyOf(stored.values());
    }

    @Override
    public Production insert(Production production) {
        transactions.requireWritable(production.organizationId());
        if (stored.values().stream().anyMatch(other -> other.organizationId().equals(production.organizationId())
                && other.code().equalsIgnoreCase(production.code()))) {
            throw new ConflictException(Production.CODE_TAKEN);
        }
        stored.put(production.id(), production);
        return production;
    }

    @Override
    public Optional<Production> findById(OrganizationId organizationId, ProductionId id) {
        transactions.requireActive(organizationId);
        return Optional.ofNullable(stored.get(id)).filter(found -> found.organizationId().equals(organizationId));
    }

    @Override
    public Page<Production> list(OrganizationId organizationId, PageRequest<ProductionId> page) {
        transactions.requireActive(organizationId);
        var newestFirst = stored.values().stream()
                .filter(found -> found.organizationId().equals(organizationId))
                .filter(found -> page.after().map(after -> found.id().value().compareTo(after.value()) < 0).orElse(true))
                .sorted(Comparator.comparing((Production found) -> found.id().value()).reversed())
                .limit(page.limit() + 1L)
                .toList();
        return Page.fromOverfetch(newestFirst, page.limit());
    }

    @Override
    public Optional<Production> update(Production production) {
        transactions.requireWritable(production.organizationId());
        var current = findById(production.organizationId(), production.id());
        if (current.isEmpty() || current.get().version() != production.version()) {
            return Optional.empty();
        }
        var updated = Production.reconstitute(production.id(), production.organizationId(), production.name(),
                production.code(), production.status(), production.startDate(), production.endDate(),
                production.metadata(), production.version() + 1, production.createdAt(), clock.instant());
        stored.put(updated.id(), updated);
        return Optional.of(updated);
    }

    @Override
    public boolean delete(OrganizationId organizationId, ProductionId id, long version) {
        transactions.requireWritable(organizationId);
        var current = findById(organizationId, id);
        if (current.isEmpty() || current.get().version() != version) {
            return false;
        }
        stored.remove(id);
        return true;
    }
}
