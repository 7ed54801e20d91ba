package dev.tenantcore.shared.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.apikeys.domain.ApiKey;
import dev.tenantcore.apikeys.domain.ApiKeyCredentials;
import dev.tenantcore.apikeys.domain.ApiKeyRepository;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.tasks.domain.Task;
import dev.tenantcore.tasks.domain.TaskId;
import dev.tenantcore.tasks.domain.TaskRepository;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tenant setting costs no round trip of its own: it travels with the transaction's first statement. Counted
 * at the socket, through the whole stack (Micronaut Data repository, transaction manager, pool, driver).
 */
@MicronautTest(transactional = false)
@Property(name = "datasources.default.maximum-pool-size", value = "1")
class TenantTransactionRoundTripTest extends DatabaseTest {
    @Inject
    TenantTransactions transactions;
    @Inject
    TaskRepository tasks;
    @Inject
    ApiKeyCredentials credentials;
    @Inject
    ApiKeyRepository keys;
    @Inject
    TestOrganizations organizations;

    OrganizationId organization;

    @Override
    public Map<String, String> getProperties() {
        var properties = super.getProperties();
        properties.put("datasources.default.url", properties.get("datasources.default.url")
                + "?socketFactory=" + RoundTripCountingSocketFactory.class.getName());
        return properties;
    }

    @BeforeEach
    void warmUp() {
        organization = organizations.create();
        // The same statements once before counting, so the counted run reuses a connection that was just used.
        transactions.read(organization, () -> tasks.findById(organization, TaskId.generate()));
        credentials.findUsableByPrefix("aaaaaaaaaaaa");
    }

    private long roundTripsOf(Supplier<?> work) {
        var before = RoundTripCountingSocketFactory.roundTrips();
        work.get();
        return RoundTripCountingSocketFactory.roundTrips() - before;
    }

    @Test
    void aReadTransactionWithOneQueryTakesTwoRoundTrips() {
        // BEGIN, the tenant setting and the query in one; COMMIT in the other.
        assertThat(roundTripsOf(() -> transactions.read(organization,
                () -> tasks.findById(organization, TaskId.generate())))).isEqualTo(2);
    }

    @Test
    void aWriteTransactionWithTwoStatementsTakesThreeRoundTrips() {
        var task = Task.create(organization, "Counted", null, null, false, null, Instant.now());
        assertThat(roundTripsOf(() -> transactions.write(organization, () -> {
            tasks.insert(task);
            return tasks.findById(organization, task.id());
        }))).isEqualTo(3);
    }

    @Test
    void theAuthenticationLookupTakesOneRoundTrip() {
        assertThat(roundTripsOf(() -> credentials.findUsableByPrefix("bbbbbbbbbbbb"))).isEqualTo(1);
    }

    @Test
    void aKeyLookedUpAgainWithinTheCacheLifetimeTakesNone() {
        var issued = ApiKey.issue(organization, "counted", null, Instant.now());
        transactions.write(organization, () -> {
            keys.insert(issued.key());
            return null;
        });
        var prefix = issued.token().prefix();

        assertThat(roundTripsOf(() -> credentials.findUsableByPrefix(prefix))).as("first lookup").isEqualTo(1);
        assertThat(roundTripsOf(() -> credentials.findUsableByPrefix(prefix))).as("kept").isZero();
    }
}
