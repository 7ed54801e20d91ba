package dev.tenantcore.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.shared.adapter.persistence.TestDatabase;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Test set-up only: the membership a finished invitation would create, written as a superuser in a transaction
 * for the organization (the audit trigger records it there).
 */
public final class TestMemberships {
    private TestMemberships() {
    }

    public static void add(UUID organizationId, UUID userId, String role) {
        try (var connection = TestDatabase.shared().connectAsSuperuser()) {
            connection.setAutoCommit(false);
            try (var settings = connection.prepareStatement("SELECT set_config('app.organization_id', ?, true)")) {
                settings.setString(1, organizationId.toString());
                settings.execute();
            }
            try (var insert = connection.prepareStatement("""
                    WITH m AS (INSERT INTO memberships (organization_id, user_id) VALUES (?, ?) RETURNING *)
                    INSERT INTO user_roles (organization_id, user_id, role_id)
                    SELECT m.organization_id, m.user_id, r.id FROM m JOIN roles r
                      ON r.organization_id = m.organization_id AND r.name = ?""")) {
                insert.setObject(1, organizationId);
                insert.setObject(2, userId);
                insert.setString(3, role);
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not add the member", e);
        }
    }
}
