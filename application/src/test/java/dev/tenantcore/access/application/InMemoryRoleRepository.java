package dev.tenantcore.access.application;

import dev.tenantcore.access.domain.BuiltinRole;
import dev.tenantcore.access.domain.Role;
import dev.tenantcore.access.domain.RoleId;
import dev.tenantcore.access.domain.RoleRepository;
import dev.tenantcore.access.domain.RoleTestData;
import dev.tenantcore.shared.application.FakeTenantTransactions;
import dev.tenantcore.shared.application.TimeOrderedIds;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The role port over a map, honouring its contract: names unique per organization, conditional update and delete
 * of custom roles only, the version bumped and the update time set on every update. Like the database, where a
 * trigger creates them with the organization, every organization has its four built-in roles (created here on
 * first use, with the catalogue's permissions from {@link RoleTestData#BUILTIN_PERMISSIONS}). Each call checks
 * that a transaction for the organization is active, as the JDBC adapter does.
 */
public final class InMemoryRoleRepository implements RoleRepository {
    private final FakeTenantTransactions transactions;
    private final Clock clock;
    private final Map<RoleId, Role> stored = new LinkedHashMap<>();
    private final List<String> writes = new ArrayList<>();

    public InMemoryRoleRepository(FakeTenantTransactions transactions, Clock clock) {
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

    public void given(Role... roles) {
        for (Role role : roles) {
            builtinRoles(role.organizationId());
            stored.put(role.id(), role);
        }
    }

    /** The organization's built-in role, as the database trigger would have created it. */
    public Role builtin(OrganizationId organizationId, BuiltinRole kind) {
        return builtinRoles(organizationId).get(kind);
    }

    public Optional<Role> stored(RoleId id) {
        return Optional.ofNullable(stored.get(id));
    }

    /** The write calls made (insert, update, delete), successful or not, in order. */
    public List<String> writes() {
        return List.copyOf(writes);
    }

    boolean exists(RoleId id) {
        return stored.containsKey(id);
    }

    // ---- the port ----

    @Override
    public void insert(Role role) {
        transactions.requireWritable(role.organizationId());
        writes.add("insert " + role.id());
        requireUniqueName(role);
        stored.put(role.id(), role);
    }

    @Override
    public Optional<Role> findById(OrganizationId organizationId, RoleId id) {
        transactions.requireActive(organizationId);
        return of(organizationId).stream().filter(role -> role.id().equals(id)).findFirst();
    }

    @Override
    public List<Role> findByNames(OrganizationId organizationId, Set<String> names) {
        transactions.requireActive(organizationId);
        return of(organizationId).stream().filter(role -> names.contains(role.name())).toList();
    }

    @Override
    public List<Role> findByIds(OrganizationId organizationId, Set<RoleId> ids) {
        transactions.requireActive(organizationId);
        return of(organizationId).stream().filter(role -> ids.contains(role.id())).toList();
    }

    @Override
    public Optional<Role> findBuiltin(OrganizationId organizationId, BuiltinRole role) {
        transactions.requireActive(organizationId);
        return Optional.of(builtin(organizationId, role));
    }

    @Override
    public Page<Role> list(OrganizationId organizationId, PageRequest<RoleId> page) {
        transactions.requireActive(organizationId);
        var rows = of(organizationId).stream()
                .filter(role -> page.after()
                        .map(after -> TimeOrderedIds.compare(role.id().value(), after.value()) < 0).orElse(true))
                .sorted(Comparator.comparing((Role role) -> role.id().value(), TimeOrderedIds.ASCENDING).reversed())
                .limit(page.limit() + 1L)
                .toList();
        return Page.fromOverfetch(rows, page.limit());
    }

    @Override
    public Optional<Role> update(Role role) {
        transactions.requireWritable(role.organizationId());
        writes.add("update " + role.id());
        var current = stored.get(role.id());
        if (current == null || !current.organizationId().equals(role.organizationId()) || !current.isCustom()
                || current.version() != role.version()) {
            return Optional.empty();
        }
        requireUniqueName(role);
        var updated = new Role(role.id(), role.organizationId(), role.name(), role.description(), null,
                role.permissions(), current.version() + 1, current.createdAt(), clock.instant());
        stored.put(role.id(), updated);
        return Optional.of(updated);
    }

    @Override
    public boolean delete(OrganizationId organizationId, RoleId id, long version) {
        transactions.requireWritable(organizationId);
        writes.add("delete " + id);
        var current = stored.get(id);
        if (current == null || !current.organizationId().equals(organizationId) || !current.isCustom()
                || current.version() != version) {
            return false;
        }
        stored.remove(id);
        return true;
    }

    private List<Role> of(OrganizationId organizationId) {
        builtinRoles(organizationId);
        return stored.values().stream().filter(role -> role.organizationId().equals(organizationId)).toList();
    }

    private void requireUniqueName(Role role) {
        var taken = stored.values().stream().anyMatch(other -> other.organizationId().equals(role.organizationId())
                && other.name().equals(role.name()) && !other.id().equals(role.id()));
        if (taken) {
            throw new ConflictException("a role named '" + role.name() + "' exists already");
        }
    }

    private Map<BuiltinRole, Role> builtinRoles(OrganizationId organizationId) {
        var existing = new LinkedHashMap<BuiltinRole, Role>();
        stored.values().stream()
                .filter(role -> role.organizationId().equals(organizationId) && !role.isCustom())
                .forEach(role -> existing.put(role.builtin(), role));
        if (existing.isEmpty()) {
            Arrays.stream(BuiltinRole.values()).forEach(kind -> {
                var role = RoleTestData.builtin(organizationId, kind);
                stored.put(role.id(), role);
                existing.put(kind, role);
            });
        }
        return existing;
    }
}
