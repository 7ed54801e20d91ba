package dev.tenantcore.identity.adapter.persistence;

import dev.tenantcore.identity.domain.EmailAddress;
import dev.tenantcore.identity.domain.User;
import dev.tenantcore.identity.domain.UserProfile;
import dev.tenantcore.identity.domain.UserRepository;
import dev.tenantcore.shared.adapter.persistence.ConstraintViolations;
import dev.tenantcore.shared.adapter.persistence.TenantSession;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.UserId;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * A person's own rows (migration V4). Row-level security shows them to the transaction's user, and users and
 * profiles also to the organizations the user belongs to; so every statement here runs in a tenant transaction.
 */
@Singleton
final class JdbcUserRepository implements UserRepository {
    private final JdbcOperations jdbc;

    JdbcUserRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void register(User user, String passwordHash, Instant passwordChangedAt, UserProfile profile) {
        TenantSession.requireAny();
        try {
            insertAccount(user, passwordHash, passwordChangedAt, profile);
        } catch (RuntimeException e) {
            // Another request registered the address between our lookup and this insert.
            if (ConstraintViolations.isUniqueViolation(e, "users_email_key")) {
                throw new ConflictException("an account with this email exists");
            }
            throw e;
        }
    }

    private void insertAccount(User user, String passwordHash, Instant passwordChangedAt, UserProfile profile) {
        // One statement, one round trip: the rows of the five tables that exist from the start (no credentials
        // for an account without a password).
        jdbc.prepareStatement("""
                WITH account AS (
                    INSERT INTO users (id, email, status, version, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?) RETURNING id),
                credentials AS (
                    INSERT INTO user_credentials (user_id, password_hash, password_changed_at)
                    SELECT id, given.hash, given.changed_at FROM account,
                           (SELECT ?::text AS hash, ?::timestamptz AS changed_at) given
                    WHERE given.hash IS NOT NULL),
                profile AS (
                    INSERT INTO user_profiles (user_id, display_name, avatar_url, locale, time_zone, bio)
                    SELECT id, ?, ?, ?, ?, ? FROM account)
                INSERT INTO user_preferences (user_id) SELECT id FROM account""", statement -> {
            statement.setObject(1, user.id().value());
            statement.setString(2, user.email().value());
            statement.setString(3, user.status().code());
            statement.setLong(4, user.version());
            statement.setObject(5, utc(user.createdAt()));
            statement.setObject(6, utc(user.updatedAt()));
            statement.setString(7, passwordHash);
            statement.setObject(8, utc(passwordChangedAt));
            statement.setString(9, profile.displayName());
            statement.setString(10, profile.avatarUrl());
            statement.setString(11, profile.locale());
            statement.setString(12, profile.timeZone());
            statement.setString(13, profile.bio());
            return statement.executeUpdate();
        });
    }

    @Override
    public Optional<User> findById(UserId id) {
        TenantSession.requireAny();
        return jdbc.prepareStatement(
                "SELECT id, email, status, version, created_at, updated_at FROM users WHERE id = ?", statement -> {
                    statement.setObject(1, id.value());
                    try (var row = statement.executeQuery()) {
                        return row.next() ? Optional.of(toUser(row)) : Optional.<User>empty();
                    }
                });
    }

    @Override
    public Optional<UserProfile> findProfile(UserId id) {
        TenantSession.requireAny();
        return jdbc.prepareStatement("""
                SELECT display_name, avatar_url, locale, time_zone, bio, version, created_at, updated_at
                FROM user_profiles WHERE user_id = ?""", statement -> {
            statement.setObject(1, id.value());
            try (var row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.<UserProfile>empty();
                }
                return Optional.of(UserProfile.reconstitute(id, row.getString("display_name"),
                        row.getString("avatar_url"), row.getString("locale"), row.getString("time_zone"),
                        row.getString("bio"), row.getLong("version"), instant(row, "created_at"),
                        instant(row, "updated_at")));
            }
        });
    }

    @Override
    public Optional<String> findPasswordHash(UserId id) {
        TenantSession.requireAny();
        return jdbc.prepareStatement("SELECT password_hash FROM user_credentials WHERE user_id = ?", statement -> {
            statement.setObject(1, id.value());
            try (var row = statement.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.<String>empty();
            }
        });
    }

    @Override
    public void updatePasswordHash(UserId id, String passwordHash, Instant changedAt) {
        TenantSession.requireAny();
        jdbc.prepareStatement("""
                INSERT INTO user_credentials (user_id, password_hash, password_changed_at) VALUES (?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE
                SET password_hash = excluded.password_hash, password_changed_at = excluded.password_changed_at""",
                statement -> {
                    statement.setObject(1, id.value());
                    statement.setString(2, passwordHash);
                    statement.setObject(3, utc(changedAt));
                    return statement.executeUpdate();
                });
    }

    private static User toUser(ResultSet row) throws SQLException {
        return User.reconstitute(new UserId(row.getObject("id", UUID.class)), new EmailAddress(row.getString("email")),
                User.Status.fromCode(row.getString("status")), row.getLong("version"), instant(row, "created_at"),
                instant(row, "updated_at"));
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        var value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
