package dev.tenantcore.jobs.adapter.persistence;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The job queue for operators. Always UP while readable: a deep queue is work to do, not a broken service; the
 * details (and the metrics, for alerts) say how deep and how old, and whether this process runs a worker.
 */
@Singleton
@Requires(bean = JobQueueFigures.class)
final class JobQueueHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final JobQueueFigures figures;
    private final boolean workerEnabled;

    JobQueueHealthIndicator(JobQueueFigures figures,
            @Property(name = "tenantcore.jobs.enabled", defaultValue = "true") boolean workerEnabled) {
        this.figures = figures;
        this.workerEnabled = workerEnabled;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        var queue = figures.figures();
        var details = new LinkedHashMap<String, Object>();
        details.put("worker", workerEnabled ? "running in this process" : "disabled in this process");
        details.put("pending", queue.pending());
        details.put("running", queue.running());
        details.put("waiting", queue.waiting());
        details.put("dead", queue.dead());
        details.put("oldestPendingAgeSeconds", Math.round(queue.oldestPendingAgeSeconds() * 1000) / 1000.0);
        healthStatus = HealthStatus.UP;
        return details;
    }

    @Override
    protected String getName() {
        return "jobs";
    }
}
