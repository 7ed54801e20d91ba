package dev.tenantcore.organizations.application;

import dev.tenantcore.organizations.domain.Organization;
import dev.tenantcore.organizations.domain.OrganizationRepository;
import dev.tenantcore.shared.application.FakeTenantTransactions;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.OrganizationId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The organization port over a map: slugs unique across all organizations (the database's unique constraint),
 * conditional update on the stored version with the version bumped and the update time set. Each call checks that
 * a transaction for that organization is active, as the JDBC adapter does.
 */
public final class InMemoryOrganizationRepository implements OrganizationRepository {
    private final FakeTenantTransactions transactions;
    private final Clock clock;
    private final Map<OrganizationId, Organization> stored = new LinkedHashMap<>();
    private final List<String> writes = new ArrayList<>();
    private Runnable beforeNextUpdate;

    public InMemoryOrganizationRepository(FakeTenantTransactions transactions, Clock clock) {
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

    public void given(Organization... organizations) {
        for (Organization organization : organizations) {
            stored.put(organization.id(), organization);
        }
    }

    public Optional<Organization> stored(OrganizationId id) {
        return Optional.ofNullable(stored.get(id));
    }

    public List<Organization> all() {
        return List.copyOf(stored.values());
    }

    /** The write calls made (insert, update), successful or not, in order. */
    public List<String> writes() {
        return List.copyOf(writes);
    }

    /** Runs {@code interference} at the start of the next update: another request got there first. */
    public void beforeNextUpdate(Runnable interference) {
        this.beforeNextUpdate = interference;
    }

    // ---- the port ----

    @Override
    public void insert(Organization organization) {
        transactions.requireWritable(organization.id());
        writes.add("insert " + organization.id());
        if (stored.values().stream().anyMatch(other -> other.slug().equals(organization.slug()))) {
            throw new ConflictException("slug '" + organization.slug() + "' is already taken");
        }
        if (stored.containsKey(organization.id())) {
            throw new IllegalStateException("duplicate organization id " + organization.id());
        }
        stored.put(organization.id(), organization);
    }

    @Override
    public Optional<Organization> findById(OrganizationId id) {
        transactions.requireActive(id);
        return Optional.ofNullable(stored.get(id));
    }

    @Override
    public Optional<Organization> update(Organization organization) {
        transactions.requireWritable(organization.id());
        var interference = beforeNextUpdate;
        beforeNextUpdate = null;
        if (interference != null) {
            interference.run();
        }
        writes.add("update " + organization.id());
        var current = stored.get(organization.id());
        if (current == null || current.version() != organization.version()) {
            return Optional.empty();
        }
        var updated = new Organization(current.id(), organization.name(), current.slug(), current.version() + 1,
                current.createdAt(), clock.instant());
        stored.put(updated.id(), updated);
        return Optional.of(updated);
    }
}
