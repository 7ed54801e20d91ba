package dev.tenantcore.shared.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.tasks.domain.TaskFilter;
import dev.tenantcore.tasks.domain.TaskId;
import dev.tenantcore.tasks.domain.TaskRepository;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

/**
 * The runtime role plans with generic plans (roles.sql), so a keyset page is planned once per connection, not on
 * every call: left to its own choice PostgreSQL keeps re-planning {@code id < $2 ... LIMIT $3}, whose generic plan
 * it estimates dearer than the custom one although both are the same index scan. One pooled connection, so the
 * driver's server-side prepared statements are visible in {@code pg_prepared_statements}.
 */
@MicronautTest(transactional = false)
@Property(name = "datasources.default.maximum-pool-size", value = "1")
class GenericPlanTest extends DatabaseTest {
    @Inject
    TenantTransactions transactions;
    @Inject
    TaskRepository tasks;
    @Inject
    JdbcOperations jdbc;
    @Inject
    TestOrganizations organizations;

    @Test
    void theRuntimeRoleForcesGenericPlans() {
        var organization = organizations.create();
        assertThat(transactions.read(organization, () -> single("SELECT current_setting('plan_cache_mode')")))
                .isEqualTo("force_generic_plan");
    }

    @Test
    @DisabledIfEnvironmentVariable(named = TestDatabase.POOLER_VARIABLE, matches = ".+",
            disabledReason = "behind a transaction pooler the driver prepares no named statement (prepareThreshold=0)")
    void aKeysetPageIsNotReplannedOnEveryCall() {
        var organization = organizations.create();
        for (int call = 0; call < 12; call++) { // past the driver's prepare threshold (5) and the server's (5)
            listFirstPage(organization);
        }
        var plans = transactions.read(organization, () -> single("""
                SELECT generic_plans || ' generic, ' || custom_plans || ' custom' FROM pg_prepared_statements
                WHERE statement LIKE '%SELECT * FROM tasks WHERE organization_id = $1 AND id < $2 %'"""));
        assertThat(plans).endsWith(" generic, 0 custom").isNotEqualTo("0 generic, 0 custom");
    }

    private void listFirstPage(OrganizationId organization) {
        transactions.read(organization, () -> tasks.list(organization, TaskFilter.ALL, PageRequest.<TaskId>first(20)));
    }

    private String single(String sql) {
        return jdbc.prepareStatement(sql, statement -> {
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        });
    }
}
