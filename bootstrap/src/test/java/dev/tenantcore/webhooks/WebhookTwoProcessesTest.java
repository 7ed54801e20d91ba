package dev.tenantcore.webhooks;

import static dev.tenantcore.webhooks.WebhookTesting.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.shared.adapter.persistence.TestDatabase;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UuidV7;
import dev.tenantcore.webhooks.application.SecretCipher;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two service processes on one database, both relaying and delivering: every event reaches the receiver, each
 * once (in the normal case, without failures: at-least-once allows a repeat only after a failure or a crash).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookTwoProcessesTest {
    private static final int EVENTS = 30;

    private ApplicationContext first;
    private ApplicationContext second;
    private Receiver receiver;

    @BeforeAll
    void start() throws IOException {
        first = service();
        second = service();
        receiver = new Receiver();
    }

    @AfterAll
    void stop() {
        for (var service : new ApplicationContext[] {first, second}) {
            if (service != null) {
                service.close();
            }
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    private static ApplicationContext service() {
        var properties = new HashMap<String, Object>(TestDatabase.shared().micronautProperties());
        properties.put("datasources.default.maximum-pool-size", 5);
        properties.put("tenantcore.jobs.threads", 2);
        properties.put("tenantcore.jobs.poll-interval", "100ms");
        properties.put("tenantcore.webhooks.relay-interval", "50ms");
        return ApplicationContext.run(properties, "test");
    }

    @Test
    void eachEventIsDeliveredOnceByOneOfTheProcesses() {
        var organizationId = new OrganizationId(UuidV7.next());
        var webhookId = UUID.randomUUID();
        var key = new byte[32];
        new SecureRandom().nextBytes(key);
        var encrypted = first.getBean(SecretCipher.class).encrypt(key,
                "webhook:" + organizationId.value() + "/" + webhookId);
        var jdbc = first.getBean(JdbcOperations.class);
        var transactions = first.getBean(TenantTransactions.class);
        transactions.write(organizationId, () -> jdbc.prepareStatement("""
                INSERT INTO organizations (id, name, slug) VALUES (?, 'Webhooks test', ?);
                INSERT INTO webhooks (organization_id, id, url, event_types, secret_ciphertext)
                VALUES (?, ?, ?, '{task.created}', ?)""", statement -> {
                    statement.setObject(1, organizationId.value());
                    statement.setString(2, "webhooks-" + organizationId.value().toString().substring(24));
                    statement.setObject(3, organizationId.value());
                    statement.setObject(4, webhookId);
                    statement.setString(5, receiver.url("/both"));
                    statement.setBytes(6, encrypted);
                    return statement.executeUpdate();
                }));
        var tasks = new HashSet<String>();
        for (int i = 0; i < EVENTS; i++) {
            // Committed through either process.
            var through = i % 2 == 0 ? first : second;
            var taskId = UUID.randomUUID();
            through.getBean(TenantTransactions.class).write(organizationId, () -> through.getBean(JdbcOperations.class)
                    .prepareStatement("INSERT INTO tasks (organization_id, id, title) VALUES (?, ?, 'Task')",
                            statement -> {
                                statement.setObject(1, organizationId.value());
                                statement.setObject(2, taskId);
                                return statement.executeUpdate();
                            }));
            tasks.add(taskId.toString());
        }

        await("every event delivered", () -> WebhookTesting.count("SELECT count(*) FROM webhook_deliveries WHERE "
                + "organization_id = '" + organizationId.value() + "' AND status = 'delivered'") == EVENTS);
        var requests = receiver.requests("/both");
        var secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        assertThat(requests).hasSize(EVENTS)
                .allSatisfy(request -> assertThat(StandardWebhooksVerifier.verifies(secret, request)).isTrue());
        assertThat(new HashSet<>(requests.stream().map(request -> request.header("webhook-id")).toList()))
                .hasSize(EVENTS);
        assertThat(requests).extracting(request -> request.body().replaceAll(".*\"data\": ?\\{\"id\": ?\"([^\"]+)\".*", "$1"))
                .containsExactlyInAnyOrderElementsOf(tasks);
        assertThat(WebhookTesting.count("SELECT count(*) FROM webhook_deliveries WHERE organization_id = '"
                + organizationId.value() + "' AND attempts <> 1")).isZero();
        // The relays left nothing behind.
        assertThat(WebhookTesting.count("SELECT count(*) FROM webhook_dispatch_queue WHERE entry LIKE '"
                + organizationId.value() + "/%'")).isZero();
    }
}
