package dev.tenantcore.audit.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.shared.adapter.persistence.DatabaseTest;
import dev.tenantcore.shared.adapter.persistence.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The audit log's monthly partitions: created ahead (moving events that landed in the default partition meanwhile),
 * dropped after the retention, and unreachable for the runtime role, which cannot change events either. Runs the
 * maintenance the service runs, with the migrator's credentials.
 */
@MicronautTest(transactional = false)
class AuditPartitionMaintenanceTest extends DatabaseTest {
    private static final DateTimeFormatter PARTITION = DateTimeFormatter.ofPattern("'audit_events_p'yyyy_MM");
    private final LocalDate thisMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);

    private AuditPartitionMaintenance maintenance(int monthsAhead, int retentionMonths) {
        var settings = TestDatabase.shared().micronautProperties();
        return new AuditPartitionMaintenance(settings.get("flyway.datasources.migrator.url").toString(),
                settings.get("flyway.datasources.migrator.user").toString(),
                settings.get("flyway.datasources.migrator.password").toString(),
                settings.get("flyway.datasources.migrator.init-sql").toString(), monthsAhead, retentionMonths);
    }

    @Test
    void createsTheComingMonthsAheadAndMovesTheirEventsOutOfTheDefaultPartition() throws SQLException {
        var farMonth = thisMonth.plusMonths(7);
        var early = UUID.randomUUID();
        try (var superuser = TestDatabase.shared().connectAsSuperuser()) {
            assertThat(partitionExists(superuser, farMonth)).as("not created yet").isFalse();
            insertEvent(superuser, early, farMonth.atStartOfDay().plusDays(3).toString());
            assertThat(partitionHolding(superuser, early)).isEqualTo("audit_events_default");
        }

        var changes = maintenance(8, 0).maintain();

        assertThat(changes).contains("created " + PARTITION.format(farMonth), "created " + PARTITION.format(farMonth.plusMonths(1)));
        assertThat(maintenance(8, 0).maintain()).as("idempotent").isEmpty();
        try (var superuser = TestDatabase.shared().connectAsSuperuser()) {
            assertThat(partitionHolding(superuser, early)).isEqualTo(PARTITION.format(farMonth));
            for (int month = 0; month <= 8; month++) {
                assertThat(partitionExists(superuser, thisMonth.plusMonths(month))).isTrue();
            }
        }
    }

    @Test
    void retentionDropsWholeOldMonthsAndMovesTheHorizon() throws SQLException {
        var oldMonth = thisMonth.minusMonths(30);
        var oldInPartition = UUID.randomUUID();
        var oldInDefault = UUID.randomUUID();
        var recent = UUID.randomUUID();
        try (var superuser = TestDatabase.shared().connectAsSuperuser()) {
            try (var statement = superuser.createStatement()) {
                statement.execute("SET ROLE tenantcore_owner");
                statement.execute("CREATE TABLE %1$s PARTITION OF audit_events FOR VALUES FROM ('%2$s') TO ('%3$s')"
                        .formatted(PARTITION.format(oldMonth), oldMonth, oldMonth.plusMonths(1)));
                statement.execute("SELECT secure_audit_partition('%s')".formatted(PARTITION.format(oldMonth)));
                statement.execute("RESET ROLE");
            }
            try (var statement = superuser.createStatement()) {
                statement.execute("UPDATE audit_log_horizon SET kept_since = '-infinity'");
            }
            insertEvent(superuser, oldInPartition, oldMonth.atStartOfDay().plusDays(1).toString());
            insertEvent(superuser, oldInDefault, thisMonth.minusYears(10).atStartOfDay().toString());
            insertEvent(superuser, recent, thisMonth.atStartOfDay().plusHours(1).toString());
        }

        var changes = maintenance(3, 24).maintain();

        assertThat(changes).contains("dropped " + PARTITION.format(oldMonth))
                .anySatisfy(change -> assertThat(change).startsWith("deleted ").contains("from audit_events_default"));
        try (var superuser = TestDatabase.shared().connectAsSuperuser()) {
            assertThat(partitionExists(superuser, oldMonth)).isFalse();
            assertThat(eventExists(superuser, oldInDefault)).isFalse();
            assertThat(eventExists(superuser, recent)).isTrue();
            assertThat(strings(superuser, "SELECT kept_since = '%s'::timestamptz FROM audit_log_horizon"
                    .formatted(thisMonth.minusMonths(24) + "T00:00:00Z"))).containsExactly("t");
        }
    }

    @Test
    void everyPartitionIsForcedAndUnreachableAndTheRuntimeRoleCannotChangeEvents() throws SQLException {
        maintenance(3, 0).maintain();
        try (var superuser = TestDatabase.shared().connectAsSuperuser()) {
            var partitions = strings(superuser, """
                    SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                    WHERE i.inhparent = 'audit_events'::regclass
                      AND NOT (c.relrowsecurity AND c.relforcerowsecurity
                               AND NOT has_table_privilege('tenantcore_app', c.oid, 'SELECT, INSERT, UPDATE, DELETE'))""");
            assertThat(partitions).as("partitions without forced RLS or reachable by the runtime role").isEmpty();
        }
        try (var runtime = TestDatabase.shared().connectAsRuntime()) {
            for (var statement : List.of(
                    "INSERT INTO audit_events (organization_id, id, occurred_at, actor_type, action, entity_type, "
                            + "entity_id) VALUES (gen_random_uuid(), gen_random_uuid(), now(), 'system', 'create', "
                            + "'task', gen_random_uuid())",
                    "UPDATE audit_events SET action = 'forged'",
                    "DELETE FROM audit_events",
                    "DELETE FROM audit_events_default",
                    "SELECT * FROM " + PARTITION.format(thisMonth),
                    "TRUNCATE audit_events",
                    "UPDATE audit_log_horizon SET kept_since = '-infinity'")) {
                assertThatThrownBy(() -> {
                    try (var run = runtime.createStatement()) {
                        run.execute(statement);
                    }
                }).as(statement).isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getSQLState()).as(statement).isEqualTo("42501"));
            }
        }
    }

    private static void insertEvent(Connection superuser, UUID id, String occurredAt) throws SQLException {
        try (var insert = superuser.prepareStatement("""
                INSERT INTO audit_events (organization_id, id, occurred_at, actor_type, action, entity_type, entity_id)
                VALUES (gen_random_uuid(), ?, ?::timestamp AT TIME ZONE 'UTC', 'system', 'create', 'task',
                        gen_random_uuid())""")) {
            insert.setObject(1, id);
            insert.setString(2, occurredAt);
            insert.executeUpdate();
        }
    }

    private static boolean partitionExists(Connection superuser, LocalDate month) throws SQLException {
        return !strings(superuser, "SELECT 1 FROM pg_class WHERE relname = '" + PARTITION.format(month) + "'")
                .isEmpty();
    }

    private static String partitionHolding(Connection superuser, UUID id) throws SQLException {
        return strings(superuser, "SELECT tableoid::regclass::text FROM audit_events WHERE id = '" + id + "'")
                .getFirst();
    }

    private static boolean eventExists(Connection superuser, UUID id) throws SQLException {
        return !strings(superuser, "SELECT 1 FROM audit_events WHERE id = '" + id + "'").isEmpty();
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            var values = new ArrayList<String>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
