package dev.tenantcore.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.contacts.application.ContactSheets;
import dev.tenantcore.contacts.domain.ContactField;
import dev.tenantcore.contacts.domain.ContactImport;
import dev.tenantcore.contacts.domain.DuplicatePolicy;
import dev.tenantcore.contacts.domain.ImportFiles;
import dev.tenantcore.contacts.domain.ImportId;
import dev.tenantcore.contacts.domain.ImportRepository;
import dev.tenantcore.jobs.application.JobQueue;
import dev.tenantcore.shared.adapter.persistence.TestDatabase;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UuidV7;
import dev.tenantcore.support.ImportFixtures;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An import whose process stops in the middle (the step under way interrupted and rolled back) is finished by
 * another process on the same database and storage directory, with each row imported exactly once: a chunk's
 * contacts and the import's cursor commit together.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportResumeTest {
    private static final int ROWS = 600;
    private static final String STORAGE = "target/import-resume-test-files";

    private ApplicationContext first;
    private ApplicationContext second;

    @AfterAll
    void stop() {
        for (var service : new ApplicationContext[] {first, second}) {
            if (service != null && service.isRunning()) {
                service.close();
            }
        }
    }

    @Test
    void anImportStoppedMidwayIsFinishedByAnotherProcessWithEveryRowOnce() throws Exception {
        first = service();
        var organizationId = organization(first);
        var file = ImportFixtures.crew(ROWS);
        var id = queueImport(first, organizationId, file);
        await("the first chunks", () -> rowsDone(id) > 0);

        first.close();
        var doneWhenStopped = rowsDone(id);
        second = service();
        await("the import to complete", () -> "completed".equals(status(id)));

        assertThat(doneWhenStopped).as("stopped in the middle").isLessThan(ROWS);
        assertThat(count("SELECT count(*) FROM contacts WHERE import_id = '" + id + "'")).isEqualTo(ROWS);
        assertThat(count("SELECT count(DISTINCT email) FROM contacts WHERE import_id = '" + id + "'"))
                .isEqualTo(ROWS);
        assertThat(count("SELECT created_count FROM imports WHERE id = '" + id + "'")).isEqualTo(ROWS);
        assertThat(rowsDone(id)).isEqualTo(ROWS);
    }

    /** What POST /v1/imports does, without the HTTP request: the file stored, the import and its job queued. */
    private static ImportId queueImport(ApplicationContext service, OrganizationId organizationId, byte[] file) {
        var sheet = service.getBean(ContactSheets.class).inspect(file);
        return service.getBean(TenantTransactions.class).write(organizationId, () -> {
            var id = new ImportId(service.getBean(JobQueue.class).enqueue(organizationId, "contacts.import").value());
            service.getBean(ImportFiles.class).store(organizationId, id, file);
            service.getBean(ImportRepository.class).insert(ContactImport.create(id, organizationId, "crew.csv",
                    file.length, null, DuplicatePolicy.SKIP, false,
                    Map.of(ContactField.NAME, "name", ContactField.EMAIL, "email", ContactField.PHONE, "phone"),
                    sheet.rows(), Instant.now()));
            return id;
        });
    }

    /** A process whose worker polls and heartbeats in fractions of seconds, with small chunks. */
    private static ApplicationContext service() {
        var properties = new HashMap<String, Object>(TestDatabase.shared().micronautProperties());
        properties.put("datasources.default.maximum-pool-size", 3);
        properties.put("tenantcore.jobs.threads", 1);
        properties.put("tenantcore.jobs.poll-interval", "100ms");
        properties.put("tenantcore.jobs.heartbeat-interval", "200ms");
        properties.put("tenantcore.jobs.retry-delay", "100ms");
        properties.put("tenantcore.jobs.shutdown-wait", "200ms");
        properties.put("tenantcore.imports.chunk-size", 20);
        properties.put("tenantcore.imports.storage-directory", STORAGE);
        return ApplicationContext.run(properties, "test");
    }

    private static OrganizationId organization(ApplicationContext service) {
        var id = new OrganizationId(UuidV7.next());
        var jdbc = service.getBean(JdbcOperations.class);
        service.getBean(TenantTransactions.class).write(id, () -> jdbc.prepareStatement(
                "INSERT INTO organizations (id, name, slug) VALUES (?, 'Import test', ?)", statement -> {
                    statement.setObject(1, id.value());
                    statement.setString(2, "imports-" + id.value().toString().substring(24));
                    return statement.executeUpdate();
                }));
        return id;
    }

    private static long rowsDone(ImportId id) throws SQLException {
        return count("SELECT rows_done FROM imports WHERE id = '" + id + "'");
    }

    private static String status(ImportId id) {
        try (var superuser = TestDatabase.shared().connectAsSuperuser(); var statement = superuser.createStatement();
                var rows = statement.executeQuery("SELECT status FROM imports WHERE id = '" + id + "'")) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(String sql) throws SQLException {
        try (var superuser = TestDatabase.shared().connectAsSuperuser(); var statement = superuser.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void await(String what, Check check) throws Exception {
        var deadline = Instant.now().plus(ImportFixtures.PATIENCE);
        while (!check.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited in vain for " + what);
            }
            Thread.sleep(20);
        }
    }
}
