package dev.tenantcore.identity.adapter.persistence;

import dev.tenantcore.identity.domain.ExternalLoginLookup;
import dev.tenantcore.identity.domain.User;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Provider login's lookups across users and tenants, through the {@code find_external_login},
 * {@code find_organization_id} (migration V4) and {@code find_external_login_organizations} (V9) SECURITY DEFINER
 * functions: the runtime role reads nothing else of
 * other users or organizations. One statement each, in auto-commit, like the password login's lookup.
 */
@Singleton
final class JdbcExternalLoginLookup implements ExternalLoginLookup {
    private final ConnectionOperations<Connection> connections;

    JdbcExternalLoginLookup(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    @Override
    public Optional<LinkedAccount> findAccount(String provider, String subject) {
        return connections.executeRead(status -> {
            try (var statement = status.getConnection()
                    .prepareStatement("SELECT user_id, user_status FROM find_external_login(?, ?)")) {
                statement.setString(1, provider);
                statement.setString(2, subject);
                try (var row = statement.executeQuery()) {
                    return row.next()
                            ? Optional.of(new LinkedAccount(new UserId(row.getObject("user_id", UUID.class)),
                                    User.Status.fromCode(row.getString("user_status"))))
                            : Optional.<LinkedAccount>empty();
                }
            } catch (SQLException e) {
                throw new DataAccessException("external login lookup failed", e);
            }
        });
    }

    @Override
    public List<Membership> findMemberships(String provider, String subject) {
        return connections.executeRead(status -> {
            try (var statement = status.getConnection().prepareStatement(
                    "SELECT user_id, organization_id FROM find_external_login_organizations(?, ?)")) {
                statement.setString(1, provider);
                statement.setString(2, subject);
                try (var row = statement.executeQuery()) {
                    var memberships = new ArrayList<Membership>();
                    while (row.next()) {
                        memberships.add(new Membership(new UserId(row.getObject("user_id", UUID.class)),
                                new OrganizationId(row.getObject("organization_id", UUID.class))));
                    }
                    return List.copyOf(memberships);
                }
            } catch (SQLException e) {
                throw new DataAccessException("external login lookup failed", e);
            }
        });
    }

    @Override
    public Optional<OrganizationId> findOrganizationId(String slugOrId) {
        if (slugOrId.indexOf('\0') >= 0) {
            return Optional.empty(); // PostgreSQL text cannot hold NUL: no organization is named so
        }
        return connections.executeRead(status -> {
            try (var statement = status.getConnection().prepareStatement("SELECT find_organization_id(?)")) {
                statement.setString(1, slugOrId);
                try (var row = statement.executeQuery()) {
                    var id = row.next() ? row.getObject(1, UUID.class) : null;
                    return Optional.ofNullable(id).map(OrganizationId::new);
                }
            } catch (SQLException e) {
                throw new DataAccessException("organization lookup failed", e);
            }
        });
    }
}
