package dev.tenantcore.shared.adapter.persistence;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;

/**
 * Reports the schema version and whether every migration this build ships has been applied, read through the
 * runtime pool (which may read, not write, the migration history).
 */
@Singleton
@Requires(beans = DataSource.class)
final class MigrationHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final Flyway flyway;

    MigrationHealthIndicator(DataSource dataSource, DataSourceResolver resolver) {
        // The pool itself, not Micronaut's transaction-aware proxy: Flyway manages its own connection.
        this.flyway = Flyway.configure().dataSource(resolver.resolve(dataSource)).locations("classpath:db/migration")
                .load();
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        var info = flyway.info();
        var current = info.current();
        long pending = info.pending().length;
        long failed = Arrays.stream(info.all()).filter(m -> m.getState() == MigrationState.FAILED).count();
        var details = new LinkedHashMap<String, Object>();
        details.put("currentVersion", current == null ? "none" : current.getVersion().getVersion());
        details.put("pendingMigrations", pending);
        details.put("failedMigrations", failed);
        healthStatus = pending == 0 && failed == 0 && current != null ? HealthStatus.UP : HealthStatus.DOWN;
        return details;
    }

    @Override
    protected String getName() {
        return "migrations";
    }
}
