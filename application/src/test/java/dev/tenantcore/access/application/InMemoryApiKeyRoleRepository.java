package dev.tenantcore.access.application;

import dev.tenantcore.access.domain.ApiKeyRoleRepository;
import dev.tenantcore.access.domain.RoleId;
import dev.tenantcore.shared.application.FakeTenantTransactions;
import dev.tenantcore.shared.domain.Actor;
import dev.tenantcore.shared.domain.OrganizationId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The API-key role port over a map. Roles deleted from the role repository disappear here too, as the database's
 * cascade makes them. Each call checks that a transaction for the organization is active.
 */
public final class InMemoryApiKeyRoleRepository implements ApiKeyRoleRepository {
    private final FakeTenantTransactions transactions;
    private final InMemoryRoleRepository roles;
    private final Map<String, Set<RoleId>> stored = new HashMap<>();

    public InMemoryApiKeyRoleRepository(FakeTenantTransactions transactions, InMemoryRoleRepository roles) {
        this.transactions = transactions;
        this.roles = roles;
        transactions.register(() -> {
            var copy = new HashMap<String, Set<RoleId>>();
            stored.forEach((key, value) -> copy.put(key, new HashSet<>(value)));
            return () -> {
                stored.clear();
                stored.putAll(copy);
            };
        });
    }

    /** The roles a key holds, whatever the tenant: for test assertions. */
    public Set<RoleId> stored(OrganizationId organizationId, Actor apiKey) {
        return stored.getOrDefault(key(organizationId, apiKey), Set.of()).stream().filter(roles::exists)
                .collect(Collectors.toSet());
    }

    @Override
    public void grant(OrganizationId organizationId, Actor apiKey, Set<RoleId> granted) {
        transactions.requireWritable(organizationId);
        stored.computeIfAbsent(key(organizationId, apiKey), key -> new HashSet<>()).addAll(granted);
    }

    @Override
    public Map<Actor, Set<RoleId>> rolesOf(OrganizationId organizationId, Collection<Actor> apiKeys) {
        transactions.requireActive(organizationId);
        var result = new LinkedHashMap<Actor, Set<RoleId>>();
        apiKeys.forEach(apiKey -> result.put(apiKey, stored(organizationId, apiKey)));
        return result;
    }

    private static String key(OrganizationId organizationId, Actor apiKey) {
        return organizationId + "/" + apiKey.id();
    }
}
