package dev.tenantcore.identity.adapter.persistence;

import static dev.tenantcore.identity.adapter.persistence.JdbcUserRepository.instant;

import dev.tenantcore.identity.domain.UserProfile;
import dev.tenantcore.identity.domain.UserProfileRepository;
import dev.tenantcore.shared.adapter.persistence.TenantSession;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * user_profiles (migration V4). The {@code user_self} policy lets only the transaction's user write the row; the
 * version makes the update conditional, and updated_at is the database's.
 */
@Singleton
final class JdbcUserProfileRepository implements UserProfileRepository {
    private final JdbcOperations jdbc;

    JdbcUserProfileRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<UserProfile> update(UserProfile revised) {
        TenantSession.requireAny();
        return jdbc.prepareStatement("""
                UPDATE user_profiles
                SET display_name = ?, avatar_url = ?, locale = ?, time_zone = ?, bio = ?, version = version + 1
                WHERE user_id = ? AND version = ?
                RETURNING display_name, avatar_url, locale, time_zone, bio, version, created_at, updated_at""",
                statement -> {
                    statement.setString(1, revised.displayName());
                    statement.setString(2, revised.avatarUrl());
                    statement.setString(3, revised.locale());
                    statement.setString(4, revised.timeZone());
                    statement.setString(5, revised.bio());
                    statement.setObject(6, revised.userId().value());
                    statement.setLong(7, revised.version());
                    try (var row = statement.executeQuery()) {
                        if (!row.next()) {
                            return Optional.<UserProfile>empty();
                        }
                        return Optional.of(UserProfile.reconstitute(revised.userId(), row.getString("display_name"),
                                row.getString("avatar_url"), row.getString("locale"), row.getString("time_zone"),
                                row.getString("bio"), row.getLong("version"), instant(row, "created_at"),
                                instant(row, "updated_at")));
                    }
                });
    }
}
