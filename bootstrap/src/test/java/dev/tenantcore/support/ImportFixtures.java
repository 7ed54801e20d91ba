package dev.tenantcore.support;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.shared.adapter.persistence.TestDatabase;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Crew lists made up by the tests (no real people), and the upload and wait of an import through the API.
 */
public final class ImportFixtures {
    /** How long a test waits for an import that the worker should finish within a second or two. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Set<String> ENDED = Set.of("completed", "failed", "cancelled");

    private ImportFixtures() {
    }

    /** A small crew list: a header and {@code rows} people, each with a unique address. */
    public static byte[] crew(int rows) {
        var csv = new StringBuilder("name,email,phone,role,department\n");
        for (int i = 0; i < rows; i++) {
            csv.append("Crew Member ").append(i).append(",crew-").append(i).append("@example.com,+1 415 555 ")
                    .append(String.format("%04d", i % 10_000)).append(",Grip,Grip\n");
        }
        return csv.toString().getBytes(UTF_8);
    }

    private static boolean jobFinished(Tenant tenant, String importId) {
        try (var superuser = TestDatabase.shared().connectAsSuperuser(); var query = superuser.prepareStatement(
                "SELECT status IN ('succeeded', 'failed', 'cancelled') FROM jobs WHERE organization_id = ? AND id = ?")) {
            query.setObject(1, tenant.organizationId());
            query.setObject(2, UUID.fromString(importId));
            try (var rows = query.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Uploads {@code file} as crew.csv with the form {@code fields}; asserts 201 and returns the import. */
    public static ApiClient.Response upload(ApiClient api, Tenant tenant, byte[] file, Map<String, String> fields) {
        var response = api.upload("/v1/imports", fields, "crew.csv", file, tenant.auth());
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    /**
     * The import once it has ended and its job has finished too (the job's last step, which deletes the file, comes
     * after the commit that ends the import): from then on nothing more is written for it.
     */
    public static ApiClient.Response ended(ApiClient api, Tenant tenant, String importId) {
        var deadline = Instant.now().plus(PATIENCE);
        while (true) {
            var found = api.get("/v1/imports/" + importId, tenant.auth());
            assertThat(found.status()).as(found.toString()).isEqualTo(200);
            if (ENDED.contains(found.string("status")) && jobFinished(tenant, importId)) {
                return found;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("import " + importId + " did not end: " + found);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
