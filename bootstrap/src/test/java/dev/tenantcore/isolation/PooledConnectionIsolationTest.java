package dev.tenantcore.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.shared.adapter.persistence.DatabaseTest;
import dev.tenantcore.shared.adapter.persistence.TestOrganizations;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.tasks.domain.Task;
import dev.tenantcore.tasks.domain.TaskFilter;
import dev.tenantcore.tasks.domain.TaskRepository;
import io.micronaut.context.annotation.Property;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * One pooled connection, handed to tenant A and tenant B in turn, including a transaction that fails half-way:
 * nothing of one tenant's transaction may reach the next borrower.
 */
@MicronautTest(transactional = false)
@Property(name = "datasources.default.maximum-pool-size", value = "1")
@Property(name = "datasources.default.minimum-idle", value = "1")
class PooledConnectionIsolationTest extends DatabaseTest {
    @Inject
    TenantTransactions transactions;
    @Inject
    TaskRepository tasks;
    @Inject
    TestOrganizations organizations;
    @Inject
    DataSource dataSource;
    @Inject
    DataSourceResolver dataSourceResolver;

    @Test
    void aSingleConnectionAlternatingTenantsNeverLeaks() throws SQLException {
        var a = organizations.create();
        var b = organizations.create();
        store(a, "A's task");
        store(b, "B's task");

        for (int round = 0; round < 10; round++) {
            assertThat(titles(a)).containsExactly("A's task");
            assertThat(titles(b)).containsExactly("B's task");
            if (round == 4) {
                assertThatThrownBy(() -> transactions.write(a, () -> {
                    tasks.insert(Task.create(a, "never committed", null, null, false, null, Instant.now()));
                    throw new IllegalStateException("fails half-way");
                })).hasMessage("fails half-way");
            }
        }

        try (var raw = dataSourceResolver.resolve(dataSource).getConnection();
                var statement = raw.createStatement();
                var rows = statement.executeQuery(
                        "SELECT coalesce(current_setting('app.organization_id', true), ''), (SELECT count(*) FROM tasks)")) {
            rows.next();
            assertThat(rows.getString(1)).as("the pooled connection carries no tenant").isEmpty();
            assertThat(rows.getLong(2)).as("and sees no rows").isZero();
        }
    }

    private void store(OrganizationId organization, String title) {
        transactions.write(organization, () -> {
            tasks.insert(Task.create(organization, title, null, null, false, null, Instant.now()));
            return null;
        });
    }

    private List<String> titles(OrganizationId organization) {
        return transactions.read(organization,
                () -> tasks.list(organization, TaskFilter.ALL, PageRequest.first(100))).items().stream()
                .map(Task::title).toList();
    }
}
