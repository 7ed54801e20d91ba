package dev.tenantcore.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.shared.adapter.persistence.DatabasePermissions;
import dev.tenantcore.shared.adapter.persistence.TestDatabase;
import dev.tenantcore.shared.adapter.web.AuditedResource;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.shared.domain.Permission;
import dev.tenantcore.support.ServiceTest;
import dev.tenantcore.support.Tenant;
import dev.tenantcore.tasks.domain.Task;
import dev.tenantcore.tasks.domain.TaskFilter;
import dev.tenantcore.tasks.domain.TaskRepository;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database itself, connected as the runtime role the service uses: no tenant means no rows and no writes,
 * a tenant sees and writes only its own rows, the setting dies with its transaction, and the role cannot undo any
 * of this. Plus the catalog meta-test over every table.
 */
@MicronautTest(transactional = false)
class DatabaseTenantIsolationTest extends ServiceTest {
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    @Inject
    TenantTransactions transactions;
    @Inject
    TaskRepository tasks;
    @Inject
    List<AuditedResource> auditedResources;

    Tenant a;
    Tenant b;

    @BeforeAll
    void seed() {
        api = new dev.tenantcore.support.ApiClient(server.getURI(), jsonMapper);
        a = signUp();
        b = signUp();
        for (var tenant : new Tenant[] {a, b}) {
            createTask(tenant, "{\"title\":\"One\"}");
            createTask(tenant, "{\"title\":\"Two\",\"completed\":true}");
        }
    }

    @Test
    void theSchemaMeetsEveryTenancyRule() throws SQLException {
        try (var superuser = TestDatabase.shared().connectAsSuperuser()) {
            assertThat(IsolationCatalog.violations(superuser)).isEmpty();
        }
    }

    @Test
    void everyAuditedResourceNamesTheEntityTypeOfAnAuditTrigger() throws SQLException {
        try (var superuser = TestDatabase.shared().connectAsSuperuser()) {
            var recorded = IsolationCatalog.auditedEntityTypes(superuser);
            assertThat(auditedResources).isNotEmpty().allSatisfy(resource -> assertThat(recorded.values())
                    .as("%s: no record_audit_event trigger records the entity type '%s' (the triggers by table: %s);"
                            + " make its entityType the trigger's first argument", resource, resource.entityType(),
                            recorded)
                    .contains(resource.entityType()));
        }
    }

    @Test
    void withoutATenantTheRuntimeRoleSeesNothingAndWritesNothing() throws SQLException {
        try (var runtime = TestDatabase.shared().connectAsRuntime()) {
            runtime.setAutoCommit(false);
            assertThat(RuntimeRoleProbe.visibleRows(runtime)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
            RuntimeRoleProbe.setTenant(runtime, null); // '' is what a pooled connection reads after first use
            assertThat(RuntimeRoleProbe.visibleRows(runtime)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
            assertThat(update(runtime, "UPDATE tasks SET title = 'x'")).isZero();
            assertThat(update(runtime, "DELETE FROM tasks")).isZero();
            runtime.rollback();

            assertThatThrownBy(() -> insertTask(runtime, a.organizationId()))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
            runtime.rollback();
        }
        try (var superuser = TestDatabase.shared().connectAsSuperuser()) {
            assertThat(RuntimeRoleProbe.visibleRows(superuser).get("tasks")).as("the rows are there").isPositive();
        }
    }

    @Test
    void aTenantSeesOnlyItsOwnRowsAndCannotWriteIntoAnother() throws SQLException {
        try (var runtime = TestDatabase.shared().connectAsRuntime()) {
            runtime.setAutoCommit(false);
            RuntimeRoleProbe.setTenant(runtime, a.organizationId());

            assertThat(RuntimeRoleProbe.visibleRows(runtime)).isEqualTo(Map.of(
                    "organizations", 1L, "api_keys", 1L, "tasks", 2L));
            assertThat(count(runtime, "SELECT count(*) FROM tasks WHERE organization_id <> '" + a.organizationId() + "'"))
                    .isZero();
            assertThat(update(runtime, "UPDATE tasks SET title = 'mine' WHERE organization_id = '" + b.organizationId() + "'"))
                    .as("B's rows are invisible, so not updatable").isZero();

            assertThatThrownBy(() -> insertTask(runtime, b.organizationId()))
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
            runtime.rollback();
            RuntimeRoleProbe.setTenant(runtime, a.organizationId());
            assertThatThrownBy(() -> update(runtime, "UPDATE tasks SET organization_id = '" + b.organizationId() + "'"))
                    .as("moving a row to another tenant breaks WITH CHECK")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
            runtime.rollback();
        }
    }

    @Test
    void theTenantSettingEndsWithItsTransaction() throws SQLException {
        try (var runtime = TestDatabase.shared().connectAsRuntime()) {
            runtime.setAutoCommit(false);
            RuntimeRoleProbe.setTenant(runtime, a.organizationId());
            assertThat(RuntimeRoleProbe.visibleRows(runtime).get("tasks")).isEqualTo(2);
            runtime.commit();
            assertThat(RuntimeRoleProbe.visibleRows(runtime).get("tasks")).as("after commit").isZero();
            RuntimeRoleProbe.setTenant(runtime, b.organizationId());
            runtime.rollback();
            assertThat(RuntimeRoleProbe.visibleRows(runtime).get("tasks")).as("after rollback").isZero();
        }
    }

    @Test
    void theRuntimeRoleCannotLiftItsOwnRestrictions() throws SQLException {
        var attempts = new String[] {
            "SET ROLE tenantcore_owner",
            "ALTER TABLE tasks NO FORCE ROW LEVEL SECURITY",
            "DROP POLICY tenant_isolation ON tasks",
            "TRUNCATE tasks",
            "CREATE TABLE escape (id int)",
            "CREATE VIEW all_tasks AS SELECT * FROM tasks",
            "INSERT INTO flyway_schema_history (installed_rank, description, type, script, installed_by, success)"
                    + " VALUES (999, 'x', 'SQL', 'x', 'x', true)",
        };
        try (var runtime = TestDatabase.shared().connectAsRuntime()) {
            for (var attempt : attempts) {
                assertThatThrownBy(() -> {
                    try (var statement = runtime.createStatement()) {
                        statement.execute(attempt);
                    }
                }).as(attempt).isInstanceOf(SQLException.class);
            }
        }
    }

    @Test
    void theAuthenticationLookupReturnsOnlyWhatAuthenticationNeeds() throws SQLException {
        String prefix = a.token().substring(3, 15);
        try (var runtime = TestDatabase.shared().connectAsRuntime();
                var lookup = runtime.prepareStatement("SELECT * FROM find_usable_api_keys(?)")) {
            lookup.setString(1, prefix);
            try (var rows = lookup.executeQuery()) {
                // organization_id, id, secret_hash, last_used_at, the key's permissions (migration V4) and its
                // expiry (V7).
                assertThat(rows.getMetaData().getColumnCount()).isEqualTo(6);
                assertThat(rows.next()).isTrue();
                assertThat(rows.getObject("organization_id", UUID.class)).isEqualTo(a.organizationId());
                assertThat((Object[]) rows.getArray("permissions").getArray()).as("the first key acts as admin")
                        .containsExactlyInAnyOrderElementsOf(
                                DatabasePermissions.grantedTo("admin").stream().map(Permission::code).toList());
                assertThat(rows.next()).as("one key per prefix").isFalse();
            }
        }
        try (var superuser = TestDatabase.shared().connectAsSuperuser()) {
            assertThat(count(superuser, """
                    SELECT count(*) FROM pg_proc p, aclexplode(p.proacl) acl
                    WHERE p.proname = 'find_usable_api_keys' AND acl.grantee = 0""")).as("no EXECUTE for PUBLIC").isZero();
            assertThat(count(superuser, """
                    SELECT count(*) FROM pg_proc WHERE proname = 'find_usable_api_keys' AND prosecdef
                      AND proowner = 'tenantcore_auth'::regrole
                      AND proconfig @> ARRAY['search_path=pg_catalog, pg_temp']""")).isEqualTo(1);
        }
    }

    @Test
    void concurrentTenantsNeverSeeEachOthersRows() throws Exception {
        var organizations = new OrganizationId[] {new OrganizationId(a.organizationId()), new OrganizationId(b.organizationId())};
        var pool = Executors.newFixedThreadPool(8);
        try {
            var results = new ArrayList<Future<Boolean>>();
            for (int worker = 0; worker < 8; worker++) {
                var first = worker;
                results.add(pool.submit((Callable<Boolean>) () -> {
                    for (int i = 0; i < 40; i++) {
                        var organization = organizations[(first + i) % 2];
                        var page = transactions.read(organization,
                                () -> tasks.list(organization, TaskFilter.ALL, PageRequest.first(100)));
                        if (page.items().size() != 2
                                || !page.items().stream().map(Task::organizationId).allMatch(organization::equals)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (var result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void insertTask(Connection connection, UUID organizationId) throws SQLException {
        try (var insert = connection.prepareStatement("INSERT INTO tasks (organization_id, title) VALUES (?, 'sneaky')")) {
            insert.setObject(1, organizationId);
            insert.executeUpdate();
        }
    }

    private static int update(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
