package dev.tenantcore.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.shared.adapter.persistence.TestDatabase;
import dev.tenantcore.support.ApiClient;
import dev.tenantcore.support.ImportFixtures;
import dev.tenantcore.support.ServiceTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Cancelling an import that has not started, in a process that queues jobs but runs none (so that the import stays
 * pending until the test cancels it): its job is cancelled with it, its file deleted, and nothing is imported.
 */
@MicronautTest(transactional = false)
@Property(name = "tenantcore.jobs.enabled", value = "false")
@Property(name = "tenantcore.imports.storage-directory", value = ImportCancelTest.STORAGE)
class ImportCancelTest extends ServiceTest {
    static final String STORAGE = "target/import-cancel-test-files";

    @Test
    void aPendingImportIsCancelledWithItsJobAndItsFileIsDeleted() throws SQLException {
        api = new ApiClient(server.getURI(), jsonMapper);
        var tenant = signUp();
        var started = ImportFixtures.upload(api, tenant, ImportFixtures.crew(3), Map.of());
        var file = Path.of(STORAGE, tenant.organizationId().toString(), started.string("id"));
        assertThat(started.string("status")).isEqualTo("pending");
        assertThat(file).exists();

        var cancelled = api.post("/v1/imports/" + started.string("id") + "/cancel", null, tenant.auth());
        var again = api.post("/v1/imports/" + started.string("id") + "/cancel", null, tenant.auth());

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.string("status")).isEqualTo("cancelled");
        assertThat(cancelled.string("finishedAt")).isNotNull();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.string("status")).isEqualTo("cancelled");
        assertThat(api.get("/v1/imports/" + started.string("id"), tenant.auth()).string("status"))
                .isEqualTo("cancelled");
        assertThat(Files.exists(file)).isFalse();
        assertThat(jobStatus(tenant.organizationId(), UUID.fromString(started.string("id")))).isEqualTo("cancelled");
        assertThat(api.get("/v1/contacts", tenant.auth()).items()).isEmpty();
    }

    private static String jobStatus(UUID organizationId, UUID jobId) throws SQLException {
        try (var superuser = TestDatabase.shared().connectAsSuperuser(); var query = superuser.prepareStatement(
                "SELECT status FROM jobs WHERE organization_id = ? AND id = ?")) {
            query.setObject(1, organizationId);
            query.setObject(2, jobId);
            try (var rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
