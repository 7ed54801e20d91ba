package dev.tenantcore.access.adapter.persistence;

import dev.tenantcore.access.domain.ApiKeyRoleRepository;
import dev.tenantcore.access.domain.RoleId;
import dev.tenantcore.shared.adapter.persistence.TenantSession;
import dev.tenantcore.shared.domain.Actor;
import dev.tenantcore.shared.domain.OrganizationId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** api_key_roles: keyed by the key's id, which the actor carries. */
@Singleton
final class JdbcApiKeyRoleRepository implements ApiKeyRoleRepository {
    private final JdbcStatements statements;

    JdbcApiKeyRoleRepository(JdbcOperations jdbc) {
        this.statements = new JdbcStatements(jdbc);
    }

    @Override
    public void grant(OrganizationId organizationId, Actor apiKey, Set<RoleId> roles) {
        TenantSession.require(organizationId);
        var keyId = keyId(apiKey);
        if (roles.isEmpty()) {
            return;
        }
        statements.update("""
                INSERT INTO api_key_roles (organization_id, api_key_id, role_id)
                SELECT ?, ?, unnest(?::uuid[])
                ON CONFLICT DO NOTHING""", statement -> {
            statement.setObject(1, organizationId.value());
            statement.setObject(2, keyId);
            JdbcStatements.bindUuids(statement, 3, roles.stream().map(RoleId::value).toList());
        });
    }

    @Override
    public Map<Actor, Set<RoleId>> rolesOf(OrganizationId organizationId, Collection<Actor> apiKeys) {
        TenantSession.require(organizationId);
        var result = new LinkedHashMap<Actor, Set<RoleId>>();
        apiKeys.forEach(apiKey -> result.put(apiKey, new HashSet<>()));
        if (apiKeys.isEmpty()) {
            return result;
        }
        var keyIds = apiKeys.stream().map(JdbcApiKeyRoleRepository::keyId).toList();
        var held = statements.query("""
                SELECT api_key_id, role_id FROM api_key_roles
                WHERE organization_id = ? AND api_key_id = ANY (?)""", statement -> {
            statement.setObject(1, organizationId.value());
            JdbcStatements.bindUuids(statement, 2, keyIds);
        }, row -> Map.entry(Actor.apiKey(row.getObject("api_key_id", UUID.class)),
                new RoleId(row.getObject("role_id", UUID.class))));
        held.forEach(grant -> result.get(grant.getKey()).add(grant.getValue()));
        return result;
    }

    private static UUID keyId(Actor apiKey) {
        if (apiKey.type() != Actor.Type.API_KEY) {
            throw new IllegalArgumentException("not an API key: " + apiKey);
        }
        return apiKey.id();
    }
}
