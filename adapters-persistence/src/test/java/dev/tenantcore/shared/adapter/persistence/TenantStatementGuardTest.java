package dev.tenantcore.shared.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.OrganizationId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The guard every statement of the service passes, over the tables the catalog lists: a new module's tables are
 * covered without being named here. (The Micronaut context is only there to migrate the database.)
 */
@MicronautTest(transactional = false)
class TenantStatementGuardTest extends DatabaseTest {
    private static final OrganizationId TENANT = OrganizationId.generate();

    private final TenantStatementGuard guard = new TenantStatementGuard();
    private Connection connection;

    @Inject
    TenantTransactions transactions;
    @Inject
    JdbcOperations jdbc;

    @BeforeEach
    void connect() throws SQLException {
        connection = TestDatabase.shared().connectAsRuntime();
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void theServicesConnectionsPassTheGuard() {
        assertThatThrownBy(() -> transactions.read(TENANT, () -> jdbc.prepareStatement(
                "SELECT count(*) FROM tasks WHERE id = ?", statement -> statement.executeQuery())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without an explicit organization_id predicate");
    }

    @Test
    void everyTenantTableIsRefusedOutsideATenantTransaction() throws SQLException {
        var tenantTables = strings("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relrowsecurity AND NOT c.relispartition""");
        assertThat(tenantTables).contains("tasks", "organizations", "users");

        for (var table : tenantTables) {
            assertThatThrownBy(() -> guard.check(connection, "SELECT * FROM " + table + " WHERE id = ?"))
                    .as(table)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("statement on tenant table " + table + " outside a tenant transaction");
        }
    }

    @Test
    void globalTablesAndFunctionsNeedNoTenant() {
        assertThatCode(() -> guard.check(connection, "SELECT name FROM permissions")).doesNotThrowAnyException();
        assertThatCode(() -> guard.check(connection, "SELECT * FROM find_usable_api_keys(?)"))
                .doesNotThrowAnyException();
    }

    @Test
    void everyOrganizationsTableNeedsTheExplicitPredicateToReadChangeOrDelete() throws SQLException {
        var organizationTables = strings("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relrowsecurity AND NOT c.relispartition
                  AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid
                              AND pg_get_expr(p.polqual, p.polrelid) LIKE '%app.organization_id%')
                  AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organization_id')""");
        assertThat(organizationTables).contains("tasks", "memberships").doesNotContain("organizations", "users");

        TenantSession.runAs(TENANT, () -> {
            for (var table : organizationTables) {
                for (var statement : List.of("SELECT * FROM " + table + " WHERE id = ?",
                        "UPDATE " + table + " SET updated_at = now() WHERE id = ?",
                        "DELETE FROM " + table + " WHERE id = ?",
                        "SELECT t.* FROM organizations o JOIN " + table + " t ON t.id = o.id WHERE o.id = ?")) {
                    assertThatThrownBy(() -> guard.check(connection, statement))
                            .as(statement)
                            .isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("statement on tenant table " + table
                                    + " without an explicit organization_id predicate")
                            .hasMessageContaining(statement);
                }
                assertThatCode(() -> guard.check(connection, "SELECT * FROM \"" + table
                        + "\" t_ WHERE (t_.\"organization_id\" = ? AND t_.\"id\" = ?)")).doesNotThrowAnyException();
                assertThatCode(() -> guard.check(connection, "INSERT INTO " + table + " (organization_id) VALUES (?)"))
                        .doesNotThrowAnyException();
            }
            return null;
        });
    }

    @Test
    void aFunctionCallIsNotATableEvenWhenItsNameStartsLikeOne() {
        TenantSession.runAs(TENANT, () -> {
            assertThatCode(() -> guard.check(connection, "SELECT t.* FROM tasks_of(?) t")).doesNotThrowAnyException();
            return null;
        });
    }

    private List<String> strings(String sql) throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            var values = new ArrayList<String>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
