package dev.tenantcore.access.application;

import dev.tenantcore.access.domain.ApiKeyRoleRepository;
import dev.tenantcore.access.domain.Role;
import dev.tenantcore.access.domain.RoleId;
import dev.tenantcore.access.domain.RoleRepository;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.Actor;
import dev.tenantcore.shared.domain.OrganizationId;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

@Singleton
final class ApiKeyRoleService implements ApiKeyRoles {
    private final ApiKeyRoleRepository apiKeyRoles;
    private final RoleRepository roles;
    private final Grantors grantors;
    private final TenantTransactions transactions;

    ApiKeyRoleService(ApiKeyRoleRepository apiKeyRoles, RoleRepository roles, Grantors grantors,
            TenantTransactions transactions) {
        this.apiKeyRoles = apiKeyRoles;
        this.roles = roles;
        this.grantors = grantors;
        this.transactions = transactions;
    }

    @Override
    public List<String> grantAsCaller(OrganizationId organizationId, Actor apiKey, Set<String> roleNames) {
        return grant(organizationId, apiKey, roleNames, true);
    }

    @Override
    public List<String> grant(OrganizationId organizationId, Actor apiKey, Set<String> roleNames) {
        return grant(organizationId, apiKey, roleNames, false);
    }

    private List<String> grant(OrganizationId organizationId, Actor apiKey, Set<String> roleNames,
            boolean asCaller) {
        requireApiKey(apiKey);
        var names = RoleNames.copyOf(roleNames);
        return transactions.write(organizationId, () -> {
            var granted = RoleNames.resolve(roles, organizationId, names);
            if (asCaller) {
                grantors.forCaller(organizationId).requireMayGrant(granted);
            }
            apiKeyRoles.grant(organizationId, apiKey, granted.stream().map(Role::id).collect(Collectors.toSet()));
            return granted.stream().map(Role::name).sorted().toList();
        });
    }

    @Override
    public Map<Actor, List<String>> roleNamesOf(OrganizationId organizationId, Collection<Actor> apiKeys) {
        apiKeys.forEach(ApiKeyRoleService::requireApiKey);
        return transactions.read(organizationId, () -> {
            var held = apiKeyRoles.rolesOf(organizationId, apiKeys);
            var allIds = new HashSet<RoleId>();
            held.values().forEach(allIds::addAll);
            var byId = roles.findByIds(organizationId, allIds).stream()
                    .collect(Collectors.toMap(Role::id, Function.identity()));
            var names = new LinkedHashMap<Actor, List<String>>();
            for (var key : apiKeys) {
                // A role deleted between the two reads has taken its grants with it: skipped, not an error.
                names.put(key, held.getOrDefault(key, Set.of()).stream()
                        .map(byId::get).filter(Objects::nonNull).map(Role::name).sorted().toList());
            }
            return names;
        });
    }

    private static void requireApiKey(Actor actor) {
        if (actor.type() != Actor.Type.API_KEY) {
            throw new IllegalArgumentException("roles are granted here to API keys only, not to " + actor);
        }
    }
}
