package dev.tenantcore.webhooks;

import static dev.tenantcore.webhooks.WebhookTesting.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.support.ServiceTest;
import dev.tenantcore.support.Tenant;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events from committed changes reach a real receiver in this JVM, signed, at least once, and only their tenant's. */
@MicronautTest(transactional = false)
class WebhookDeliveryTest extends ServiceTest {
    @Inject
    TenantTransactions transactions;
    @Inject
    JdbcOperations jdbc;

    Receiver receiver;
    Tenant tenant;

    @BeforeEach
    void start() throws IOException {
        receiver = new Receiver();
        tenant = signUp();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private String subscribe(Tenant owner, String path, String... eventTypes) {
        var created = api.post("/v1/webhooks", """
                {"url": "%s", "eventTypes": [%s]}""".formatted(receiver.url(path),
                String.join(",", List.of(eventTypes).stream().map(type -> "\"" + type + "\"").toList())),
                owner.auth());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.string("secret");
    }

    private Map<String, Object> json(Receiver.Request request) {
        try {
            @SuppressWarnings("unchecked")
            var parsed = (Map<String, Object>) jsonMapper.readValue(request.body(), Map.class);
            return parsed;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> data(Receiver.Request request) {
        return (Map<String, Object>) json(request).get("data");
    }

    @Test
    void aCommittedChangeArrivesSignedWithTheStandardWebhooksHeaders() {
        var secret = subscribe(tenant, "/tasks", "task.created", "task.updated", "task.deleted");
        var taskId = createTask(tenant, "{\"title\":\"Ship the webhooks\"}");
        assertThat(api.patch("/v1/tasks/" + taskId, "{\"completed\":true}", tenant.auth()).status()).isEqualTo(200);
        assertThat(api.delete("/v1/tasks/" + taskId, tenant.auth()).status()).isEqualTo(204);

        await("three task events", () -> receiver.requests("/tasks").size() >= 3);
        var requests = receiver.requests("/tasks");
        assertThat(requests).hasSize(3).allSatisfy(request -> {
            assertThat(StandardWebhooksVerifier.verifies(secret, request)).as(request.toString()).isTrue();
            assertThat(request.header("content-type")).startsWith("application/json");
            assertThat(json(request)).containsEntry("id", request.header("webhook-id"))
                    .containsEntry("organizationId", tenant.organizationId().toString()).containsKey("timestamp");
            assertThat(data(request)).containsEntry("id", taskId).containsEntry("title", "Ship the webhooks");
        });
        assertThat(requests).extracting(request -> json(request).get("type")).containsExactlyInAnyOrder(
                "task.created", "task.updated", "task.deleted");
        assertThat(StandardWebhooksVerifier.verifies("whsec_" + java.util.Base64.getEncoder()
                .encodeToString(new byte[32]), requests.getFirst())).as("a wrong secret does not verify").isFalse();

        var webhookId = api.get("/v1/webhooks", tenant.auth()).items().getFirst().get("id");
        var log = api.get("/v1/webhooks/" + webhookId + "/deliveries", tenant.auth());
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.items()).hasSize(3).allSatisfy(entry -> assertThat(entry)
                .containsEntry("status", "delivered").containsEntry("attempts", 1)
                .containsEntry("responseStatus", 204).containsKey("durationMillis"));
    }

    @Test
    void receiverDownThenUpGetsEveryEventWithTheSameIdsAgain() {
        var secret = subscribe(tenant, "/flaky", "task.created");
        receiver.down(true);
        var tasks = List.of(createTask(tenant, "{\"title\":\"One\"}"), createTask(tenant, "{\"title\":\"Two\"}"),
                createTask(tenant, "{\"title\":\"Three\"}"));
        await("a refused attempt of each event", () -> new HashSet<>(receiver.requests("/flaky").stream()
                .map(request -> request.header("webhook-id")).toList()).size() == 3);
        var refusedIds = new HashSet<>(receiver.requests("/flaky").stream()
                .map(request -> request.header("webhook-id")).toList());
        await("the retries to be scheduled", () -> WebhookTesting.count("SELECT count(*) FROM webhook_deliveries "
                + "WHERE organization_id = '" + tenant.organizationId() + "' AND status = 'pending' AND attempts = 1 "
                + "AND job_id IS NOT NULL") == 3);

        receiver.down(false);
        // The next attempt is due in 5 s: bring it forward rather than wait.
        WebhookTesting.execute("UPDATE scheduled_tasks SET execution_time = now() WHERE task_name = "
                + "'webhooks.deliver' AND task_instance LIKE '" + tenant.organizationId() + "/%'");
        await("every event delivered", () -> WebhookTesting.count("SELECT count(*) FROM webhook_deliveries WHERE "
                + "organization_id = '" + tenant.organizationId() + "' AND status = 'delivered'") == 3);

        var requests = receiver.requests("/flaky");
        assertThat(requests).hasSizeGreaterThanOrEqualTo(6)
                .allSatisfy(request -> assertThat(StandardWebhooksVerifier.verifies(secret, request)).isTrue());
        assertThat(new HashSet<>(requests.stream().map(request -> request.header("webhook-id")).toList()))
                .as("the retries carry the ids of the first attempts").isEqualTo(refusedIds);
        assertThat(requests.stream().map(request -> data(request).get("id")).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(tasks);
    }

    @Test
    void aRolledBackChangeSendsNothing() {
        subscribe(tenant, "/rollback", "task.created");
        var organizationId = new OrganizationId(tenant.organizationId());
        var rolledBack = UUID.randomUUID();
        try {
            transactions.write(organizationId, () -> {
                jdbc.prepareStatement("INSERT INTO tasks (organization_id, id, title) VALUES (?, ?, 'Never')",
                        statement -> {
                            statement.setObject(1, organizationId.value());
                            statement.setObject(2, rolledBack);
                            return statement.executeUpdate();
                        });
                assertThat(WebhookTesting.count("SELECT count(*) FROM webhook_dispatch_queue")).isNotNegative();
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expected) {
            // the change and its event are gone together
        }
        var committed = createTask(tenant, "{\"title\":\"Committed\"}");
        await("the committed change's event", () -> !receiver.requests("/rollback").isEmpty());
        assertThat(WebhookTesting.count("SELECT count(*) FROM webhook_events WHERE payload -> 'data' ->> 'id' = '"
                + rolledBack + "'")).isZero();
        assertThat(receiver.requests("/rollback")).extracting(request -> data(request).get("id"))
                .containsExactly(committed);
    }

    @Test
    void anEndpointReceivesOnlyItsOwnOrganizationsEventsOfTheTypesItWants() {
        var other = signUp();
        subscribe(tenant, "/mine", "task.created", "api_key.created");
        subscribe(other, "/theirs", "task.created");
        var mine = createTask(tenant, "{\"title\":\"Mine\"}");
        var theirs = createTask(other, "{\"title\":\"Theirs\"}");
        createTask(other, "{\"title\":\"Theirs too\"}");
        var key = api.post("/v1/api-keys", "{\"name\":\"Robot\"}", tenant.auth());
        assertThat(key.status()).as(key.toString()).isEqualTo(201);

        await("both organizations' events", () -> receiver.requests("/mine").size() >= 2
                && receiver.requests("/theirs").size() >= 2);
        assertThat(receiver.requests("/mine")).allSatisfy(request -> assertThat(json(request))
                .containsEntry("organizationId", tenant.organizationId().toString()));
        assertThat(receiver.requests("/mine")).extracting(request -> json(request).get("type"))
                .containsExactlyInAnyOrder("task.created", "api_key.created");
        assertThat(receiver.requests("/mine").toString()).doesNotContain(theirs)
                .doesNotContain(key.string("token")).doesNotContain("secretHash");
        assertThat(receiver.requests("/theirs")).allSatisfy(request -> assertThat(json(request))
                .containsEntry("organizationId", other.organizationId().toString()));
        assertThat(receiver.requests("/theirs").toString()).doesNotContain(mine);
    }

    @Test
    void anEndpointFailingForFiveDaysIsDisabledAndTheAuditLogSaysSo() {
        subscribe(tenant, "/failing", "task.created");
        var webhookId = api.get("/v1/webhooks", tenant.auth()).items().getFirst().get("id");
        receiver.down(true);
        WebhookTesting.execute("UPDATE webhooks SET failing_since = now() - interval '5 days 1 minute' WHERE id = '"
                + webhookId + "'");
        createTask(tenant, "{\"title\":\"Too late\"}");
        await("the endpoint disabled", () -> Boolean.FALSE.equals(
                api.get("/v1/webhooks/" + webhookId, tenant.auth()).json().get("enabled")));
        assertThat(api.get("/v1/webhooks/" + webhookId, tenant.auth()).json().get("disabledAt")).isNotNull();
        var history = api.get("/v1/webhooks/" + webhookId + "/history", tenant.auth());
        assertThat(history.items()).extracting(event -> event.get("action")).contains("disable");
    }

    @Test
    void aRotationSignsWithBothSecretsAndARedeliveryRepeatsTheEvent() {
        var first = subscribe(tenant, "/rotated", "task.created");
        var webhookId = api.get("/v1/webhooks", tenant.auth()).items().getFirst().get("id");
        var second = api.post("/v1/webhooks/" + webhookId + "/rotate-secret", "", tenant.auth()).string("secret");
        createTask(tenant, "{\"title\":\"Rotated\"}");
        await("the event", () -> !receiver.requests("/rotated").isEmpty());
        var request = receiver.requests("/rotated").getFirst();
        assertThat(request.header("webhook-signature").split(" ")).hasSize(2);
        assertThat(StandardWebhooksVerifier.verifies(first, request)).isTrue();
        assertThat(StandardWebhooksVerifier.verifies(second, request)).isTrue();

        await("the delivery logged", () -> "delivered".equals(api.get("/v1/webhooks/" + webhookId + "/deliveries",
                tenant.auth()).items().getFirst().get("status")));
        var deliveryId = api.get("/v1/webhooks/" + webhookId + "/deliveries", tenant.auth()).items().getFirst()
                .get("id");
        var again = api.post("/v1/webhooks/" + webhookId + "/deliveries/" + deliveryId + "/redeliver", "",
                tenant.auth());
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        await("the redelivery", () -> receiver.requests("/rotated").size() == 2);
        assertThat(receiver.requests("/rotated").get(1).header("webhook-id")).isEqualTo(request.header("webhook-id"));
        assertThat(api.post("/v1/webhooks/" + webhookId + "/deliveries/" + UUID.randomUUID() + "/redeliver", "",
                tenant.auth()).status()).isEqualTo(404);
    }
}
