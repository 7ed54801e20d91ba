package dev.tenantcore.jobs.adapter.persistence;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.function.ToDoubleFunction;

/** The job queue in the metrics, as {@code tenantcore_jobs_*}: whether jobs wait, and for how long. */
@Singleton
@Requires(beans = {JobQueueFigures.class, MeterRegistry.class})
final class JobQueueMetrics implements MeterBinder {
    private final JobQueueFigures figures;

    JobQueueMetrics(JobQueueFigures figures) {
        this.figures = figures;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "tenantcore.jobs.pending", f -> f.pending(), "Job steps due and waiting for a worker");
        gauge(registry, "tenantcore.jobs.running", f -> f.running(), "Job steps claimed by a worker");
        gauge(registry, "tenantcore.jobs.waiting", f -> f.waiting(),
                "Job steps due later: scheduled ahead, or waiting out a retry's back-off");
        gauge(registry, "tenantcore.jobs.dead", f -> f.dead(),
                "Job steps claimed by a process that stopped heartbeating (revived by any running worker)");
        Gauge.builder("tenantcore.jobs.oldest.pending.age", figures, q -> read(q, f -> f.oldestPendingAgeSeconds()))
                .baseUnit("seconds").description("How long the longest-waiting due job step has waited")
                .register(registry);
    }

    private void gauge(MeterRegistry registry, String name, ToDoubleFunction<JobQueueFigures.Figures> value,
            String description) {
        Gauge.builder(name, figures, q -> read(q, value)).description(description).register(registry);
    }

    private static double read(JobQueueFigures queue, ToDoubleFunction<JobQueueFigures.Figures> value) {
        try {
            return value.applyAsDouble(queue.figures());
        } catch (RuntimeException unreadable) {
            return Double.NaN; // the database is unreachable: the jdbc health check says so
        }
    }
}
