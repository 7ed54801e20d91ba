package dev.tenantcore.audit.adapter.persistence;

import static dev.tenantcore.tasks.domain.TaskTestData.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.apikeys.domain.ApiKey;
import dev.tenantcore.apikeys.domain.ApiKeyRepository;
import dev.tenantcore.audit.domain.AuditEvent;
import dev.tenantcore.audit.domain.AuditEventFilter;
import dev.tenantcore.audit.domain.AuditEventRepository;
import dev.tenantcore.organizations.domain.OrganizationRepository;
import dev.tenantcore.shared.adapter.persistence.DatabaseTest;
import dev.tenantcore.shared.adapter.persistence.TestCaller;
import dev.tenantcore.shared.adapter.persistence.TestDatabase;
import dev.tenantcore.shared.adapter.persistence.TestOrganizations;
import dev.tenantcore.shared.application.Caller;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.Actor;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.tasks.domain.Task;
import dev.tenantcore.tasks.domain.TaskRepository;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit triggers (migration V3) on real PostgreSQL, driven through the repositories as the runtime role: every
 * write path of every audited table leaves exactly one event with the right values and caller, and nothing else
 * does.
 */
@MicronautTest(transactional = false)
class AuditTrailTest extends DatabaseTest {
    private static final Caller CALLER = new Caller(Actor.apiKey(UUID.fromString("01a20432-c603-7189-864c-83678c8036c9")),
            "req-audit-1", "192.0.2.7", "audit-test/1.0");

    @Inject
    TenantTransactions transactions;
    @Inject
    TestOrganizations organizationsForTests;
    @Inject
    OrganizationRepository organizations;
    @Inject
    ApiKeyRepository keys;
    @Inject
    TaskRepository tasks;
    @Inject
    AuditEventRepository events;

    OrganizationId organization;

    @BeforeEach
    void createOrganization() {
        organization = organizationsForTests.create();
    }

    private <T> T write(Supplier<T> work) {
        return TestCaller.as(CALLER, () -> transactions.write(organization, work));
    }

    private List<AuditEvent> eventsOf(String entityType, UUID entityId) {
        var page = transactions.read(organization,
                () -> events.list(organization, AuditEventFilter.entity(entityType, entityId), PageRequest.first(100)));
        return page.items().reversed(); // oldest first
    }

    /** Recorded values, each as PostgreSQL renders it as text. */
    private static Map<String, String> values(String recorded) {
        try (var superuser = TestDatabase.shared().connectAsSuperuser();
                var query = superuser.prepareStatement("SELECT key, value FROM jsonb_each_text(?::jsonb)")) {
            query.setString(1, recorded);
            var values = new LinkedHashMap<String, String>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    values.put(rows.getString(1), rows.getString(2));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aTaskCreatedChangedAndDeletedLeavesThreeEventsWithTheCallerAndTheChangedValues() {
        var task = aTask().withOrganizationId(organization).withTitle("Draft").build();
        write(() -> {
            tasks.insert(task);
            return null;
        });
        var updated = write(() -> tasks.update(task.revised("Final", null, null, true, null))).orElseThrow();
        write(() -> tasks.delete(organization, task.id(), updated.version()));

        var recorded = eventsOf("task", task.id().value());

        assertThat(recorded).extracting(AuditEvent::action).containsExactly("create", "update", "delete");
        assertThat(recorded).allSatisfy(event -> {
            assertThat(event.actor()).isEqualTo(CALLER.actor());
            assertThat(event.requestId()).isEqualTo("req-audit-1");
            assertThat(event.clientAddress()).isEqualTo("192.0.2.7");
            assertThat(event.userAgent()).isEqualTo("audit-test/1.0");
            assertThat(event.organizationId()).isEqualTo(organization);
        });
        var create = recorded.get(0);
        assertThat(create.oldValues()).isNull();
        assertThat(values(create.newValues())).containsEntry("title", "Draft").containsEntry("completed", "false")
                .containsEntry("version", "1").containsKeys("id", "organization_id", "created_at", "due_date");
        var update = recorded.get(1);
        assertThat(values(update.oldValues())).containsEntry("title", "Draft").containsEntry("completed", "false")
                .containsEntry("version", "1").doesNotContainKeys("description", "due_date", "created_at");
        assertThat(values(update.newValues())).containsEntry("title", "Final").containsEntry("completed", "true")
                .containsEntry("version", "2");
        var delete = recorded.get(2);
        assertThat(values(delete.oldValues())).containsEntry("title", "Final").containsEntry("version", "2");
        assertThat(delete.newValues()).isNull();
    }

    @Test
    void anUpdateThatChangesNothingLeavesNoEvent() {
        var task = aTask().withOrganizationId(organization).build();
        write(() -> {
            tasks.insert(task);
            return null;
        });
        // Only the trigger-maintained updated_at changes: bookkeeping, not an event.
        try (var superuser = TestDatabase.shared().connectAsSuperuser();
                var touch = superuser.prepareStatement("SELECT set_config('app.organization_id', ?, false); "
                        + "UPDATE tasks SET title = title WHERE organization_id = ? AND id = ?")) {
            touch.setString(1, organization.value().toString());
            touch.setObject(2, organization.value());
            touch.setObject(3, task.id().value());
            touch.execute();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }

        assertThat(eventsOf("task", task.id().value())).extracting(AuditEvent::action).containsExactly("create");
    }

    @Test
    void aRolledBackTransactionLeavesNoEvent() {
        var task = aTask().withOrganizationId(organization).build();

        assertThatThrownBy(() -> write(() -> {
            tasks.insert(task);
            throw new IllegalStateException("the use case failed after writing");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(eventsOf("task", task.id().value())).isEmpty();
    }

    @Test
    void apiKeysAreAuditedWithoutTheirSecretAndRevocationIsANamedAction() {
        var issued = ApiKey.issue(organization, "ci", null, Instant.now());
        var key = issued.key();
        write(() -> {
            keys.insert(key);
            return null;
        });
        write(() -> {
            keys.recordUse(organization, key.id(), Instant.now()); // bookkeeping only: no event
            return null;
        });
        write(() -> keys.updateRevocation(key.revoked(Instant.now())));

        var recorded = eventsOf("api_key", key.id().value());

        assertThat(recorded).extracting(AuditEvent::action).containsExactly("create", "revoke");
        assertThat(values(recorded.get(0).newValues())).containsEntry("name", "ci").doesNotContainKey("secret_hash");
        assertThat(values(recorded.get(1).newValues())).containsKey("revoked_at").doesNotContainKey("last_used_at");
        var hash = key.secretHash();
        var everything = recordedText();
        assertThat(everything).doesNotContain(HexFormat.of().formatHex(hash))
                .doesNotContain(Base64.getEncoder().encodeToString(hash))
                .doesNotContain(issued.token().reveal());
    }

    @Test
    void organizationsAreAuditedUnderTheirOwnId() {
        var current = transactions.read(organization, () -> organizations.findById(organization)).orElseThrow();
        write(() -> organizations.update(current.renamed("Renamed for the audit")));

        var recorded = eventsOf("organization", organization.value());

        assertThat(recorded).extracting(AuditEvent::action).containsExactly("create", "update");
        assertThat(recorded.get(0).actor()).as("created by the test harness, outside any request")
                .isEqualTo(Actor.SYSTEM);
        assertThat(values(recorded.get(1).oldValues())).containsEntry("name", current.name());
        assertThat(values(recorded.get(1).newValues())).containsEntry("name", "Renamed for the audit");
    }

    @Test
    void asOfRebuildsEachEarlierStateFromTheCurrentRowAndTheLaterEvents() throws InterruptedException {
        var task = aTask().withOrganizationId(organization).withTitle("First").build();
        var beforeCreate = Instant.now();
        write(() -> {
            tasks.insert(task);
            return null;
        });
        var afterCreate = later();
        var revised = write(() -> tasks.update(task.revised("Second", "more", null, false, null))).orElseThrow();
        var afterUpdate = later();
        write(() -> tasks.delete(organization, task.id(), revised.version()));
        var afterDelete = later();

        assertThat(asOf(task, beforeCreate)).isEmpty();
        assertThat(asOf(task, afterCreate)).map(Task::title).contains("First");
        assertThat(asOf(task, afterCreate)).map(Task::version).contains(1L);
        assertThat(asOf(task, afterUpdate)).map(Task::title).contains("Second");
        assertThat(asOf(task, afterUpdate)).map(Task::description).contains("more");
        assertThat(asOf(task, afterDelete)).isEmpty();
    }

    @Test
    void asOfBeforeTheLogBeganIsRefusedForAnEntityThatExistedThen() throws SQLException {
        // A row from before the audit log existed: written with triggers off, as rows written before migration V3.
        var longAgo = Instant.parse("2020-01-01T00:00:00Z");
        var old = aTask().withOrganizationId(organization).withCreatedAt(longAgo).withUpdatedAt(longAgo).build();
        try (var superuser = TestDatabase.shared().connectAsSuperuser();
                var insert = superuser.prepareStatement("SET session_replication_role = replica; "
                        + "INSERT INTO tasks (organization_id, id, title, created_at, updated_at) "
                        + "VALUES (?, ?, 'From before the log', '2020-01-01Z', '2020-01-01Z')")) {
            insert.setObject(1, organization.value());
            insert.setObject(2, old.id().value());
            insert.execute();
        }

        assertThatThrownBy(() -> asOf(old, Instant.parse("2021-01-01T00:00:00Z")))
                .isInstanceOfSatisfying(InvariantViolationException.class, e -> assertThat(e.field()).isEqualTo("asOf"));
        assertThat(asOf(old, Instant.parse("2019-01-01T00:00:00Z"))).as("created after: did not exist").isEmpty();
        assertThat(asOf(old, Instant.now())).map(Task::title).contains("From before the log");
    }

    @Test
    void aRowInsertedNowDidNotExistEarlierWhateverItsCreatedAtClaims() {
        var backdated = aTask().withOrganizationId(organization).withCreatedAt(Instant.parse("2020-01-01T00:00:00Z"))
                .withUpdatedAt(Instant.parse("2020-01-01T00:00:00Z")).build();
        write(() -> {
            tasks.insert(backdated);
            return null;
        });

        assertThat(asOf(backdated, Instant.parse("2021-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void exportStreamsEveryEventOldestFirst() {
        for (int i = 0; i < 3; i++) {
            var task = aTask().withOrganizationId(organization).build();
            write(() -> {
                tasks.insert(task);
                return null;
            });
        }
        var exported = new ArrayList<AuditEvent>();
        transactions.read(organization, () -> {
            events.forEach(organization, AuditEventFilter.ALL, exported::add);
            return null;
        });

        var listed = transactions.read(organization,
                () -> events.list(organization, AuditEventFilter.ALL, PageRequest.first(100))).items();
        assertThat(exported).containsExactlyElementsOf(listed.reversed());
        assertThat(exported).hasSize(8); // the organization's creation, its four built-in roles, three tasks
    }

    private Optional<Task> asOf(Task task, Instant instant) {
        return transactions.read(organization, () -> tasks.findAsOf(organization, task.id(), instant));
    }

    /** An instant strictly after everything committed so far (the database clock has microseconds). */
    private static Instant later() throws InterruptedException {
        Thread.sleep(2);
        var now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Thread.sleep(2);
        return now;
    }

    private String recordedText() {
        try (var superuser = TestDatabase.shared().connectAsSuperuser();
                var query = superuser.prepareStatement("SELECT string_agg(concat_ws(' ', old_values::text, "
                        + "new_values::text), ' ') FROM audit_events WHERE organization_id = ?")) {
            query.setObject(1, organization.value());
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
