package dev.tenantcore.identity.adapter.persistence;

import static dev.tenantcore.identity.adapter.persistence.JdbcUserRepository.instant;

import dev.tenantcore.identity.domain.PreferenceSettings;
import dev.tenantcore.identity.domain.UserPreferences;
import dev.tenantcore.identity.domain.UserPreferencesRepository;
import dev.tenantcore.shared.adapter.persistence.ConstraintViolations;
import dev.tenantcore.shared.adapter.persistence.TenantSession;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.UserId;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** user_preferences (migration V4): settings travel as JSON text and are stored as jsonb. */
@Singleton
final class JdbcUserPreferencesRepository implements UserPreferencesRepository {
    private static final String COLUMNS = "email_notifications, theme, settings::text AS settings, version, "
            + "created_at, updated_at";
    /**
     * What the database may still refuse in settings the domain let through: its size check counts jsonb's binary
     * size, which can exceed the text's (check_violation); text jsonb cannot read (invalid_text_representation,
     * untranslatable_character).
     */
    private static final List<String> REFUSED_SETTINGS = List.of("23514", "22P02", "22P05");

    private final JdbcOperations jdbc;

    JdbcUserPreferencesRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<UserPreferences> findByUserId(UserId userId) {
        TenantSession.requireAny();
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM user_preferences WHERE user_id = ?", statement -> {
            statement.setObject(1, userId.value());
            try (var row = statement.executeQuery()) {
                return row.next() ? Optional.of(toPreferences(userId, row)) : Optional.<UserPreferences>empty();
            }
        });
    }

    @Override
    public Optional<UserPreferences> update(UserPreferences revised) {
        TenantSession.requireAny();
        try {
            return jdbc.prepareStatement("""
                    UPDATE user_preferences
                    SET email_notifications = ?, theme = ?, settings = ?::jsonb, version = version + 1
                    WHERE user_id = ? AND version = ?
                    RETURNING\s""" + COLUMNS, statement -> {
                statement.setBoolean(1, revised.emailNotifications());
                statement.setString(2, revised.theme().code());
                statement.setString(3, revised.settings().json());
                statement.setObject(4, revised.userId().value());
                statement.setLong(5, revised.version());
                try (var row = statement.executeQuery()) {
                    return row.next() ? Optional.of(toPreferences(revised.userId(), row))
                            : Optional.<UserPreferences>empty();
                }
            });
        } catch (DataAccessException e) {
            if (REFUSED_SETTINGS.stream().anyMatch(state -> ConstraintViolations.hasSqlState(e, state))) {
                throw new InvariantViolationException("settings",
                        "settings must be a JSON object of at most " + PreferenceSettings.MAX_BYTES + " bytes");
            }
            throw e;
        }
    }

    private static UserPreferences toPreferences(UserId userId, ResultSet row) throws SQLException {
        return UserPreferences.reconstitute(userId, row.getBoolean("email_notifications"),
                UserPreferences.Theme.fromCode(row.getString("theme")),
                new PreferenceSettings(row.getString("settings")),
                row.getLong("version"), instant(row, "created_at"), instant(row, "updated_at"));
    }
}
