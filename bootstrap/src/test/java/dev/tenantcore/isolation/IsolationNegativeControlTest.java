package dev.tenantcore.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.shared.adapter.persistence.TestDatabase;
import dev.tenantcore.support.ServiceTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Proves the isolation checks can fail: inside a transaction that is rolled back, isolation is broken on purpose
 * and the same checks the suite relies on must report it. If this test fails, the suite has gone blind.
 */
@MicronautTest(transactional = false)
class IsolationNegativeControlTest extends ServiceTest {

    @Test
    void theChecksGoRedWhenIsolationIsBroken() throws SQLException {
        var a = signUp();
        createTask(a, "{\"title\":\"Visible when isolation breaks\"}");

        try (var superuser = TestDatabase.shared().connectAsSuperuser()) {
            superuser.setAutoCommit(false);
            try (var statement = superuser.createStatement()) {
                statement.execute("ALTER TABLE tasks NO FORCE ROW LEVEL SECURITY");
                statement.execute("DROP POLICY tenant_isolation ON api_keys");
                statement.execute("ALTER TABLE tasks ADD CONSTRAINT tasks_title_key UNIQUE (id, title)");
                statement.execute("CREATE VIEW leaky_tasks AS SELECT * FROM tasks");
                statement.execute("GRANT DELETE ON audit_events TO tenantcore_app");
                statement.execute("GRANT SELECT ON audit_events_default TO tenantcore_app");
                statement.execute("ALTER TABLE audit_events_default NO FORCE ROW LEVEL SECURITY");
                statement.execute("GRANT UPDATE ON audit_log_horizon TO tenantcore_app");
                statement.execute("DROP POLICY user_self ON user_credentials");
                statement.execute("ALTER TABLE user_profiles ADD CONSTRAINT user_profiles_name_key UNIQUE (avatar_url)");
                statement.execute("ALTER TABLE memberships ADD CONSTRAINT memberships_credentials_fkey "
                        + "FOREIGN KEY (user_id) REFERENCES user_credentials (user_id) NOT VALID");
                statement.execute("GRANT INSERT ON permissions TO tenantcore_app");
                statement.execute("DROP TRIGGER tasks_audit ON tasks");
                statement.execute("ALTER TABLE scheduled_tasks DROP CONSTRAINT scheduled_tasks_no_data_check");

                assertThat(IsolationCatalog.violations(superuser)).anySatisfy(v -> assertThat(v).startsWith("tasks: row-level security not enabled and forced"))
                        .anySatisfy(v -> assertThat(v).startsWith("api_keys: expected one policy"))
                        .anySatisfy(v -> assertThat(v).contains("tasks_title_key"))
                        .anySatisfy(v -> assertThat(v).startsWith("leaky_tasks: view"))
                        .anySatisfy(v -> assertThat(v).startsWith("audit_events: append-only, yet the runtime role"))
                        .anySatisfy(v -> assertThat(v).startsWith("audit_events_default: a partition the runtime"))
                        .anySatisfy(v -> assertThat(v).startsWith("audit_events_default: row-level security not"))
                        .anySatisfy(v -> assertThat(v).startsWith("audit_log_horizon: not tenant data, yet"))
                        .anySatisfy(v -> assertThat(v).startsWith("user_credentials: expected one policy")
                                .contains("app.user_id"))
                        .anySatisfy(v -> assertThat(v).contains("user_profiles_name_key").contains("user_id"))
                        .anySatisfy(v -> assertThat(v).contains("memberships_credentials_fkey"))
                        .anySatisfy(v -> assertThat(v).startsWith("permissions: not tenant data, yet"))
                        .anySatisfy(v -> assertThat(v).startsWith("tasks: no audit trigger"))
                        .anySatisfy(v -> assertThat(v).startsWith("scheduled_tasks: a global queue must keep"));

                // Run as the owner with FORCE off: the probe that must see zero rows without a tenant sees them.
                statement.execute("SET LOCAL ROLE tenantcore_owner");
                assertThat(RuntimeRoleProbe.visibleRows(superuser).get("tasks")).isPositive();
            } finally {
                superuser.rollback();
            }
            assertThat(IsolationCatalog.violations(superuser)).as("rolled back: sound again").isEmpty();
        }
    }
}
