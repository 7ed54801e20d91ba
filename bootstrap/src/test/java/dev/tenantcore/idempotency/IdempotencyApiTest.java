package dev.tenantcore.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.idempotency.application.IdempotencyKeys;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.support.AccessFixtures;
import dev.tenantcore.support.ApiClient;
import dev.tenantcore.support.ServiceTest;
import dev.tenantcore.support.Tenant;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Idempotency-Key on the API's POSTs, over HTTP, as the runtime role. */
@MicronautTest(transactional = false)
class IdempotencyApiTest extends ServiceTest {
    private static final String TASK = "{\"title\":\"Ship the order\"}";

    @Inject
    AccessFixtures access;
    @Inject
    IdempotencyKeys keys;
    @Inject
    TenantTransactions transactions;
    @Inject
    JdbcOperations jdbc;

    Tenant tenant;

    @BeforeEach
    void signUpTenant() {
        tenant = signUp();
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheFirstResponseAndWritesNothing() {
        var key = UUID.randomUUID().toString();
        var first = api.post("/v1/tasks", TASK, tenant.auth("Idempotency-Key", key));
        assertThat(first.status()).isEqualTo(201);

        var retry = api.post("/v1/tasks", "{ \"title\" : \"Ship the order\" }",
                tenant.auth("Idempotency-Key", "\"" + key + "\""));

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(taskCount(tenant)).isEqualTo(1);
    }

    @Test
    void withoutAKeyEveryPostWrites() {
        api.post("/v1/tasks", TASK, tenant.auth());
        api.post("/v1/tasks", TASK, tenant.auth());
        assertThat(taskCount(tenant)).isEqualTo(2);
    }

    @Test
    void theSameKeyForAnotherRequestIs422AndWritesNothing() {
        var key = UUID.randomUUID().toString();
        assertThat(api.post("/v1/tasks", TASK, tenant.auth("Idempotency-Key", key)).status()).isEqualTo(201);

        var otherBody = api.post("/v1/tasks", "{\"title\":\"Something else\"}", tenant.auth("Idempotency-Key", key));
        var otherPath = api.post("/v1/productions", "{\"name\":\"Film\",\"code\":\"F1\"}",
                tenant.auth("Idempotency-Key", key));

        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(otherBody.string("detail")).contains("another request");
        assertThat(otherPath.status()).isEqualTo(422);
        assertThat(taskCount(tenant)).isEqualTo(1);
        assertThat(api.get("/v1/productions", tenant.auth()).items()).isEmpty();
    }

    @Test
    void aFailedRequestKeepsNothingSoItsKeyMayBeUsedAgain() {
        var key = UUID.randomUUID().toString();
        var unknownAssignee = "{\"title\":\"x\",\"assigneeId\":\"" + UUID.randomUUID() + "\"}";
        assertThat(api.post("/v1/tasks", unknownAssignee, tenant.auth("Idempotency-Key", key)).status())
                .isEqualTo(422);
        assertThat(api.post("/v1/tasks", unknownAssignee, tenant.auth("Idempotency-Key", key)).status())
                .as("not a replay: the same failure again").isEqualTo(422);

        assertThat(api.post("/v1/tasks", TASK, tenant.auth("Idempotency-Key", key)).status()).isEqualTo(201);
        assertThat(taskCount(tenant)).isEqualTo(1);
    }

    @Test
    void concurrentCopiesOfOneRequestWriteOnce() throws Exception {
        var key = UUID.randomUUID().toString();
        var copies = 8;
        var start = new CountDownLatch(1);
        var statuses = new ArrayList<Future<ApiClient.Response>>();
        try (var pool = Executors.newFixedThreadPool(copies)) {
            for (var i = 0; i < copies; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return api.post("/v1/tasks", TASK, tenant.auth("Idempotency-Key", key));
                }));
            }
            start.countDown();
            var created = 0;
            for (var future : statuses) {
                var response = future.get();
                assertThat(response.status()).as(response.toString()).isIn(201, 409);
                if (response.status() == 409) {
                    assertThat(response.header("Retry-After")).isEqualTo("1");
                } else {
                    created++;
                }
            }
            assertThat(created).isPositive();
        }
        assertThat(taskCount(tenant)).isEqualTo(1);
        assertThat(api.post("/v1/tasks", TASK, tenant.auth("Idempotency-Key", key)).status()).isEqualTo(201);
        assertThat(taskCount(tenant)).isEqualTo(1);
    }

    @Test
    void aKeyBelongsToTheCredentialThatSentItAndToItsOrganization() {
        var key = UUID.randomUUID().toString();
        var colleague = access.key(api, tenant, "member");
        var other = signUp();

        var mine = api.post("/v1/tasks", TASK, tenant.auth("Idempotency-Key", key));
        var theirs = api.post("/v1/tasks", TASK, colleague.auth("Idempotency-Key", key));
        var otherTenants = api.post("/v1/tasks", TASK, other.auth("Idempotency-Key", key));

        assertThat(theirs.string("id")).isNotEqualTo(mine.string("id"));
        assertThat(otherTenants.string("id")).isNotEqualTo(mine.string("id"));
        assertThat(taskCount(tenant)).isEqualTo(2);
        assertThat(taskCount(other)).isEqualTo(1);
    }

    @Test
    void aResponseThatShowedASecretIsNotKeptAndARetryIs409() {
        var key = UUID.randomUUID().toString();
        var body = "{\"name\":\"ci\",\"roles\":[\"member\"]}";
        var created = api.post("/v1/api-keys", body, tenant.auth("Idempotency-Key", key));
        assertThat(created.status()).isEqualTo(201);
        var keysBefore = api.get("/v1/api-keys", tenant.auth()).items().size();

        var retry = api.post("/v1/api-keys", body, tenant.auth("Idempotency-Key", key));

        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.body()).doesNotContain(created.string("token"));
        assertThat(retry.string("detail")).contains("shown only once");
        assertThat(api.get("/v1/api-keys", tenant.auth()).items()).hasSize(keysBefore);
        var kept = transactions.read(new OrganizationId(tenant.organizationId()), () ->
                jdbc.prepareStatement("SELECT count(*) FROM idempotency_keys WHERE organization_id = ? AND key = ? "
                        + "AND body IS NULL AND body_withheld", statement -> {
                            statement.setObject(1, tenant.organizationId());
                            statement.setString(2, key);
                            try (var row = statement.executeQuery()) {
                                row.next();
                                return row.getInt(1);
                            }
                        }));
        assertThat(kept).isEqualTo(1);
    }

    @Test
    void aMalformedKeyIs400AndWritesNothing() {
        for (var header : new String[] {"\"\"", "x".repeat(256), "a\tb", "\"a\"b\""}) {
            var response = api.post("/v1/tasks", TASK, tenant.auth("Idempotency-Key", header));
            assertThat(response.status()).as(header).isEqualTo(400);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        }
        assertThat(taskCount(tenant)).isZero();
    }

    @Test
    void anExpiredKeyAnswersNothingAndTheCleanUpDeletesIt() {
        var key = UUID.randomUUID().toString();
        assertThat(api.post("/v1/tasks", TASK, tenant.auth("Idempotency-Key", key)).status()).isEqualTo(201);
        var organizationId = new OrganizationId(tenant.organizationId());
        transactions.write(organizationId, () -> jdbc.prepareStatement("UPDATE idempotency_keys "
                + "SET expires_at = now() - interval '1 second' WHERE organization_id = ?", statement -> {
                    statement.setObject(1, tenant.organizationId());
                    return statement.executeUpdate();
                }));

        assertThat(keys.organizationsWithExpiredKeys()).contains(organizationId);
        assertThat(api.post("/v1/tasks", "{\"title\":\"A new request\"}", tenant.auth("Idempotency-Key", key))
                .status()).as("an expired key is free again").isEqualTo(201);
        assertThat(taskCount(tenant)).isEqualTo(2);

        transactions.write(organizationId, () -> jdbc.prepareStatement("UPDATE idempotency_keys "
                + "SET expires_at = now() - interval '1 second' WHERE organization_id = ?", statement -> {
                    statement.setObject(1, tenant.organizationId());
                    return statement.executeUpdate();
                }));
        assertThat(transactions.write(organizationId, () -> keys.deleteExpired(organizationId, 10))).isEqualTo(1);
        assertThat(keys.organizationsWithExpiredKeys()).doesNotContain(organizationId);
    }

    private int taskCount(Tenant owner) {
        return api.get("/v1/tasks?limit=100", owner.auth()).items().size();
    }
}
