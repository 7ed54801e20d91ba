package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.Department;
import dev.tenantcore.contacts.domain.DepartmentId;
import dev.tenantcore.contacts.domain.DepartmentRepository;
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
final class InMemoryDepartmentRepository implements DepartmentRepository {
    private final FakeTenantTransactions transactions;
    private final Clock clock;
    private final Map<DepartmentId, Department> stored = new LinkedHashMap<>();

    InMemoryDepartmentRepository(FakeTenantTransactions transactions, Clock clock) {
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

    List<Department> all() {
        return List.copyOf(stored.values());
    }

    @Override
    public Department insert(Department department) {
        transactions.requireWritable(department.organizationId());
        stored.put(department.id(), department);
        return department;
    }

    @Override
    public void insertAll(List<Department> departments) {
        departments.forEach(this::insert);
    }

    @Override
    public Optional<Department> findById(OrganizationId organizationId, DepartmentId id) {
        transactions.requireActive(organizationId);
        return Optional.ofNullable(stored.get(id)).filter(found -> found.organizationId().equals(organizationId));
    }

    @Override
    public Page<Department> list(OrganizationId organizationId, PageRequest<DepartmentId> page) {
        transactions.requireActive(organizationId);
        var newestFirst = stored.values().stream()
                .filter(found -> found.organizationId().equals(organizationId))
                .filter(found -> page.after().map(after -> found.id().value().compareTo(after.value()) < 0).orElse(true))
                .sorted(Comparator.comparing((Department found) -> found.id().value()).reversed())
                .limit(page.limit() + 1L)
                .toList();
        return Page.fromOverfetch(newestFirst, page.limit());
    }

    @Override
    public Optional<Department> update(Department department) {
        transactions.requireWritable(department.organizationId());
        var current = findById(department.organizationId(), department.id());
        if (current.isEmpty() || current.get().version() != department.version()) {
            return Optional.empty();
        }
        var updated = Department.reconstitute(department.id(), department.organizationId(), department.name(),
                department.version() + 1, department.createdAt(), clock.instant());
        stored.put(updated.id(), updated);
        return Optional.of(updated);
    }

    @Override
    public boolean delete(OrganizationId organizationId, DepartmentId id, long version) {
        transactions.requireWritable(organizationId);
        var current = findById(organizationId, id);
        if (current.isEmpty() || current.get().version() != version) {
            return false;
        }
        stored.remove(id);
        return true;
    }
}
