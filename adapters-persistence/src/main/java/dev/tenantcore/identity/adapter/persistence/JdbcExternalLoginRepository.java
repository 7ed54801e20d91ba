package dev.tenantcore.identity.adapter.persistence;

import static dev.tenantcore.identity.adapter.persistence.JdbcUserRepository.instant;
import static dev.tenantcore.identity.adapter.persistence.JdbcUserRepository.utc;

import dev.tenantcore.identity.domain.EmailAddress;
import dev.tenantcore.identity.domain.ExternalLogin;
import dev.tenantcore.identity.domain.ExternalLoginId;
import dev.tenantcore.identity.domain.ExternalLoginRepository;
import dev.tenantcore.shared.adapter.persistence.ConstraintViolations;
import dev.tenantcore.shared.adapter.persistence.TenantSession;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.UserId;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * user_external_logins (migration V4): a user's own rows, reached in transactions whose user is that user. The
 * lookup of a link across users is {@link JdbcExternalLoginLookup}'s.
 */
@Singleton
final class JdbcExternalLoginRepository implements ExternalLoginRepository {
    private static final String COLUMNS = "id, provider, subject, email_at_provider, linked_at";

    private final JdbcOperations jdbc;

    JdbcExternalLoginRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(ExternalLogin login) {
        TenantSession.requireAny();
        try {
            jdbc.prepareStatement("""
                    INSERT INTO user_external_logins (user_id, id, provider, subject, email_at_provider, linked_at)
                    VALUES (?, ?, ?, ?, ?, ?)""", statement -> {
                statement.setObject(1, login.userId().value());
                statement.setObject(2, login.id().value());
                statement.setString(3, login.provider());
                statement.setString(4, login.subject());
                statement.setString(5, login.emailAtProvider() == null ? null : login.emailAtProvider().value());
                statement.setObject(6, utc(login.linkedAt()));
                return statement.executeUpdate();
            });
        } catch (DataAccessException e) {
            if (ConstraintViolations.isUniqueViolation(e, "user_external_logins_provider_subject_key")) {
                throw new ConflictException("this " + login.provider() + " account is already linked");
            }
            throw e;
        }
    }

    @Override
    public List<ExternalLogin> findByUser(UserId userId) {
        return select(userId, "");
    }

    @Override
    public List<ExternalLogin> lockByUser(UserId userId) {
        return select(userId, " FOR UPDATE");
    }

    private List<ExternalLogin> select(UserId userId, String locking) {
        TenantSession.requireAny();
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM user_external_logins WHERE user_id = ? ORDER BY id"
                + locking, statement -> {
            statement.setObject(1, userId.value());
            try (var rows = statement.executeQuery()) {
                var logins = new ArrayList<ExternalLogin>();
                while (rows.next()) {
                    logins.add(toLogin(userId, rows));
                }
                return List.copyOf(logins);
            }
        });
    }

    @Override
    public boolean delete(UserId userId, ExternalLoginId id) {
        TenantSession.requireAny();
        return jdbc.prepareStatement("DELETE FROM user_external_logins WHERE user_id = ? AND id = ?", statement -> {
            statement.setObject(1, userId.value());
            statement.setObject(2, id.value());
            return statement.executeUpdate() == 1;
        });
    }

    private static ExternalLogin toLogin(UserId userId, ResultSet row) throws SQLException {
        var email = row.getString("email_at_provider");
        return ExternalLogin.reconstitute(userId, new ExternalLoginId(row.getObject("id", UUID.class)),
                row.getString("provider"), row.getString("subject"), email == null ? null : new EmailAddress(email),
                instant(row, "linked_at"));
    }
}
