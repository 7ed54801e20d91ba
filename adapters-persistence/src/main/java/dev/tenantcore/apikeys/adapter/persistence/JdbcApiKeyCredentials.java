package dev.tenantcore.apikeys.adapter.persistence;

import dev.tenantcore.apikeys.domain.ApiKeyCredential;
import dev.tenantcore.apikeys.domain.ApiKeyCredentials;
import dev.tenantcore.apikeys.domain.ApiKeyId;
import dev.tenantcore.shared.adapter.persistence.PersistedPermissions;
import dev.tenantcore.shared.domain.OrganizationId;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The cross-tenant lookup, through the {@code find_usable_api_keys} SECURITY DEFINER function (migration V7): the
 * runtime role can read no other tenant's row, only what this function returns for one prefix. One statement on a
 * pooled connection in auto-commit: a transaction around a single read would only add BEGIN and COMMIT round trips.
 */
@Singleton
final class JdbcApiKeyCredentials implements ApiKeyCredentials {
    private static final String LOOKUP =
            "SELECT organization_id, id, secret_hash, last_used_at, permissions, expires_at"
                    + " FROM find_usable_api_keys(?)";

    private final ConnectionOperations<Connection> connections;

    JdbcApiKeyCredentials(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    @Override
    public List<ApiKeyCredential> findUsableByPrefix(String prefix) {
        return connections.executeRead(status -> {
            try (var statement = status.getConnection().prepareStatement(LOOKUP)) {
                statement.setString(1, prefix);
                try (var result = statement.executeQuery()) {
                    var found = new ArrayList<ApiKeyCredential>(1);
                    while (result.next()) {
                        Timestamp lastUsed = result.getTimestamp("last_used_at");
                        Timestamp expires = result.getTimestamp("expires_at");
                        found.add(new ApiKeyCredential(
                                new ApiKeyId(result.getObject("id", UUID.class)),
                                new OrganizationId(result.getObject("organization_id", UUID.class)),
                                result.getBytes("secret_hash"),
                                lastUsed == null ? null : lastUsed.toInstant(),
                                PersistedPermissions.fromArray(result.getArray("permissions")),
                                expires == null ? null : expires.toInstant()));
                    }
                    return found;
                }
            } catch (SQLException e) {
                throw new DataAccessException("API key lookup failed", e);
            }
        });
    }

    @Override
    public void forget(String prefix) {
        // Nothing kept: every lookup reads the database.
    }
}
