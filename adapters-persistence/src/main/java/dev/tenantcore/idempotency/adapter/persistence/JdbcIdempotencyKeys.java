package dev.tenantcore.idempotency.adapter.persistence;

import dev.tenantcore.idempotency.application.IdempotencyKeys;
import dev.tenantcore.idempotency.application.KeptResponse;
import dev.tenantcore.shared.adapter.persistence.TenantSession;
import dev.tenantcore.shared.domain.OrganizationId;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Idempotency keys in {@code idempotency_keys} (migration V15), inside the organization's transaction. */
@Singleton
final class JdbcIdempotencyKeys implements IdempotencyKeys {
    private final JdbcOperations jdbc;
    private final ConnectionOperations<Connection> connections;

    JdbcIdempotencyKeys(JdbcOperations jdbc, ConnectionOperations<Connection> connections) {
        this.jdbc = jdbc;
        this.connections = connections;
    }

    /**
     * A transaction-level advisory lock on the key, tried without waiting: held until the transaction ends, which
     * is after its kept response became visible, so whoever takes it next finds that response. Waiting instead
     * would let one client hold a pooled connection per copy of a request it sends at once.
     */
    @Override
    public boolean tryHold(OrganizationId organizationId, UUID actorId, String key) {
        TenantSession.require(organizationId);
        return jdbc.prepareStatement("SELECT pg_try_advisory_xact_lock(?)", statement -> {
            statement.setLong(1, lockId(organizationId, actorId, key));
            try (var row = statement.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        });
    }

    @Override
    public Optional<KeptResponse> find(OrganizationId organizationId, UUID actorId, String key) {
        TenantSession.require(organizationId);
        return jdbc.prepareStatement("""
                SELECT fingerprint, response_status, location, entity_tag, body, body_withheld FROM idempotency_keys
                WHERE organization_id = ? AND actor_id = ? AND key = ? AND expires_at > now()""", statement -> {
            statement.setObject(1, organizationId.value());
            statement.setObject(2, actorId);
            statement.setString(3, key);
            try (var row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new KeptResponse(row.getBytes("fingerprint"), row.getInt("response_status"),
                        row.getString("location"), row.getString("entity_tag"), row.getString("body"),
                        row.getBoolean("body_withheld")));
            }
        });
    }

    @Override
    public void keep(OrganizationId organizationId, UUID actorId, String key, KeptResponse response,
            Instant expiresAt) {
        TenantSession.require(organizationId);
        jdbc.prepareStatement("""
                INSERT INTO idempotency_keys (organization_id, actor_id, key, fingerprint, response_status, location,
                                              entity_tag, body, body_withheld, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (organization_id, actor_id, key) DO UPDATE
                SET fingerprint = EXCLUDED.fingerprint, response_status = EXCLUDED.response_status,
                    location = EXCLUDED.location, entity_tag = EXCLUDED.entity_tag, body = EXCLUDED.body,
                    body_withheld = EXCLUDED.body_withheld,
                    created_at = now(), expires_at = EXCLUDED.expires_at
                WHERE idempotency_keys.expires_at <= now()""", statement -> {
            statement.setObject(1, organizationId.value());
            statement.setObject(2, actorId);
            statement.setString(3, key);
            statement.setBytes(4, response.fingerprint());
            statement.setInt(5, response.status());
            statement.setString(6, response.location());
            statement.setString(7, response.entityTag());
            statement.setString(8, response.body());
            statement.setBoolean(9, response.withheld());
            statement.setTimestamp(10, Timestamp.from(expiresAt));
            if (statement.executeUpdate() != 1) {
                // The lock makes this unreachable: only its holder writes the key, and it found no live response.
                throw new IllegalStateException("an idempotency key was kept twice");
            }
            return null;
        });
    }

    @Override
    public List<OrganizationId> organizationsWithExpiredKeys() {
        return connections.executeRead(status -> {
            try (var statement = status.getConnection().prepareStatement(
                    "SELECT organization_id FROM find_organizations_with_expired_idempotency_keys()");
                 var rows = statement.executeQuery()) {
                var found = new ArrayList<OrganizationId>();
                while (rows.next()) {
                    found.add(new OrganizationId(rows.getObject(1, UUID.class)));
                }
                return found;
            } catch (SQLException e) {
                throw new DataAccessException("listing organizations with expired idempotency keys failed", e);
            }
        });
    }

    @Override
    public int deleteExpired(OrganizationId organizationId, int limit) {
        TenantSession.require(organizationId);
        return jdbc.prepareStatement("""
                DELETE FROM idempotency_keys
                WHERE organization_id = ? AND (actor_id, key) IN (
                    SELECT actor_id, key FROM idempotency_keys
                    WHERE organization_id = ? AND expires_at <= now() LIMIT ?)""", statement -> {
            statement.setObject(1, organizationId.value());
            statement.setObject(2, organizationId.value());
            statement.setInt(3, limit);
            return statement.executeUpdate();
        });
    }

    /** 64 bits of SHA-256 over the key's whole identity: two keys share a lock only by a 2^-64 chance. */
    static long lockId(OrganizationId organizationId, UUID actorId, String key) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update("idempotency-key\0".getBytes(StandardCharsets.US_ASCII));
            digest.update((organizationId.value() + "\0" + actorId + "\0").getBytes(StandardCharsets.US_ASCII));
            digest.update(key.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
