package dev.tenantcore.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.jobs.application.JobQueue;
import dev.tenantcore.jobs.application.JobStatus;
import dev.tenantcore.shared.adapter.persistence.TestDatabase;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.support.ApiClient;
import dev.tenantcore.support.ImportFixtures;
import dev.tenantcore.support.ServiceTest;
import dev.tenantcore.support.Tenant;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The scheduled purge of the contacts' trash: a job per organization, queued at sign-up, that removes for good what
 * was deleted before the retention, in that organization alone, leaves the audit log's record, and queues its next
 * run.
 */
@MicronautTest(transactional = false)
@Property(name = "tenantcore.jobs.poll-interval", value = "100ms")
@Property(name = "tenantcore.contacts.trash-retention", value = "1h")
class TrashPurgeTest extends ServiceTest {
    @Inject
    JobQueue jobs;

    @Test
    void aPurgeRemovesTheOrganizationsContactsDeletedBeforeTheRetentionAndQueuesTheNextRun() throws Exception {
        api = new ApiClient(server.getURI(), jsonMapper);
        var a = signUp();
        var b = signUp();
        assertThat(count("SELECT count(*) FROM jobs j JOIN scheduled_tasks s ON s.task_instance = j.organization_id"
                + " || '/' || j.id WHERE j.organization_id = '" + a.organizationId() + "' AND j.type = "
                + "'contacts.purge-trash' AND j.status = 'queued' AND s.execution_time > now() + interval '23 hours'"))
                .as("sign-up queues the organization's first purge, a purge interval ahead").isEqualTo(1);
        var live = contact(a, "Live");
        var recent = deleted(a, "Deleted just now");
        var old = deleted(a, "Deleted long ago");
        var othersOld = deleted(b, "Another organization's, deleted long ago");
        backdateDeletion(a, old);
        backdateDeletion(b, othersOld);

        var run = jobs.enqueue(new OrganizationId(a.organizationId()), "contacts.purge-trash");
        var deadline = Instant.now().plus(ImportFixtures.PATIENCE);
        while (jobs.find(new OrganizationId(a.organizationId()), run).orElseThrow().status() != JobStatus.SUCCEEDED) {
            assertThat(Instant.now()).as("the purge job should have run").isBefore(deadline);
            Thread.sleep(50);
        }

        assertThat(count("SELECT count(*) FROM contacts WHERE id = '" + old + "'")).isZero();
        assertThat(count("SELECT count(*) FROM contacts WHERE id IN ('" + live + "', '" + recent + "', '"
                + othersOld + "')")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM audit_events WHERE entity_id = '" + old + "' AND action = 'delete'"
                + " AND actor_type = 'system'")).as("the audit log keeps the purge").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM jobs WHERE organization_id = '" + a.organizationId() + "' AND type ="
                + " 'contacts.purge-trash' AND status = 'queued'")).as("the next run, and the first one's")
                .isEqualTo(2);
    }

    private String contact(Tenant tenant, String name) {
        var created = api.post("/v1/contacts", "{\"name\":\"" + name + "\"}", tenant.auth());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.string("id");
    }

    private String deleted(Tenant tenant, String name) {
        var id = contact(tenant, name);
        assertThat(api.delete("/v1/contacts/" + id, tenant.auth()).status()).isEqualTo(204);
        return id;
    }

    /** Test set-up: as if deleted two hours ago, past the one hour of retention (its audit event needs the tenant). */
    private static void backdateDeletion(Tenant owner, String contactId) throws SQLException {
        try (var superuser = TestDatabase.shared().connectAsSuperuser()) {
            superuser.setAutoCommit(false);
            try (var tenant = superuser.prepareStatement("SELECT set_config('app.organization_id', ?, true)");
                    var update = superuser.prepareStatement(
                            "UPDATE contacts SET deleted_at = now() - interval '2 hours' WHERE id = ?")) {
                tenant.setString(1, owner.organizationId().toString());
                tenant.execute();
                update.setObject(1, UUID.fromString(contactId));
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            superuser.commit();
        }
    }

    private static long count(String sql) throws SQLException {
        try (var superuser = TestDatabase.shared().connectAsSuperuser(); var statement = superuser.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
