package dev.tenantcore.identity.adapter.persistence;

import dev.tenantcore.identity.domain.EmailAddress;
import dev.tenantcore.identity.domain.LoginCandidate;
import dev.tenantcore.identity.domain.LoginLookup;
import dev.tenantcore.identity.domain.User;
import dev.tenantcore.shared.adapter.persistence.PersistedPermissions;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Login's lookup across users and tenants, through the {@code find_password_login} SECURITY DEFINER function
 * (migration V4): the runtime role reads nothing else of other users or organizations. One statement in
 * auto-commit, like the API-key lookup.
 */
@Singleton
final class JdbcLoginLookup implements LoginLookup {
    private static final String LOOKUP = "SELECT user_id, user_status, password_hash, organization_id, "
            + "membership_status, permissions FROM find_password_login(?, ?)";

    private final ConnectionOperations<Connection> connections;

    JdbcLoginLookup(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    @Override
    public Optional<LoginCandidate> findByEmail(EmailAddress email, String organizationSlugOrId) {
        return connections.executeRead(status -> {
            try (var statement = status.getConnection().prepareStatement(LOOKUP)) {
                statement.setString(1, email.value());
                statement.setString(2, organizationSlugOrId);
                try (var row = statement.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    var organizationId = row.getObject("organization_id", UUID.class);
                    var membership = organizationId == null
                            ? Optional.<LoginCandidate.Membership>empty()
                            : Optional.of(new LoginCandidate.Membership(new OrganizationId(organizationId),
                                    "active".equals(row.getString("membership_status")),
                                    PersistedPermissions.fromArray(row.getArray("permissions"))));
                    return Optional.of(new LoginCandidate(new UserId(row.getObject("user_id", UUID.class)),
                            User.Status.fromCode(row.getString("user_status")), row.getString("password_hash"),
                            membership));
                }
            } catch (SQLException e) {
                throw new DataAccessException("login lookup failed", e);
            }
        });
    }
}
