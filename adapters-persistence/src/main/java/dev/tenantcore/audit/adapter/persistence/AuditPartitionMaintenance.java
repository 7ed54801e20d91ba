package dev.tenantcore.audit.adapter.persistence;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the audit log's monthly partitions: creates them ahead, and drops those older than the retention, by
 * calling the migration's {@code maintain_audit_partitions}. That is DDL, which the runtime pool cannot run; it
 * connects with the migrator's credentials (as Flyway does) and acts as the owner. Runs once after start-up and
 * then daily; a failure is logged and retried the next time (the default partition catches events meanwhile).
 */
@Singleton
@Requires(property = "flyway.datasources.migrator.url")
final class AuditPartitionMaintenance {
    private static final Logger LOG = LoggerFactory.getLogger(AuditPartitionMaintenance.class);

    private final String url;
    private final String user;
    private final String password;
    private final String initSql;
    private final int monthsAhead;
    private final int retentionMonths;

    AuditPartitionMaintenance(
            @Property(name = "flyway.datasources.migrator.url") String url,
            @Property(name = "flyway.datasources.migrator.user") String user,
            @Property(name = "flyway.datasources.migrator.password", defaultValue = "") String password,
            @Property(name = "flyway.datasources.migrator.init-sql", defaultValue = "") String initSql,
            @Property(name = "tenantcore.audit.partitions-ahead", defaultValue = "3") int monthsAhead,
            @Property(name = "tenantcore.audit.retention-months", defaultValue = "0") int retentionMonths) {
        if (monthsAhead < 1 || retentionMonths < 0) {
            throw new IllegalArgumentException("tenantcore.audit.partitions-ahead must be at least 1 and "
                    + "tenantcore.audit.retention-months at least 0 (0 keeps events forever)");
        }
        this.url = url;
        this.user = user;
        this.password = password;
        this.initSql = initSql;
        this.monthsAhead = monthsAhead;
        this.retentionMonths = retentionMonths;
    }

    @Scheduled(initialDelay = "5s", fixedDelay = "1d")
    void scheduled() {
        try {
            maintain();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Audit partition maintenance failed; it runs again in a day: {}", e.getMessage());
        }
    }

    /** Returns what changed: one line per partition created or dropped. */
    List<String> maintain() throws SQLException {
        try (var connection = DriverManager.getConnection(url, user, password)) {
            if (!initSql.isBlank()) {
                try (var statement = connection.createStatement()) {
                    statement.execute(initSql);
                }
            }
            var changes = new ArrayList<String>();
            try (var statement = connection.prepareStatement("SELECT maintain_audit_partitions(?, ?)")) {
                statement.setInt(1, monthsAhead);
                statement.setInt(2, retentionMonths);
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        changes.add(rows.getString(1));
                    }
                }
            }
            changes.forEach(change -> LOG.info("Audit log partitions: {}", change));
            return changes;
        }
    }
}
