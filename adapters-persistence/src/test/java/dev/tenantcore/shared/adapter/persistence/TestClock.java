package dev.tenantcore.shared.adapter.persistence;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * The clock of this module's test contexts, which lack the service's (bootstrap's ClockFactory): the job worker
 * builds every job handler when it starts, and the contacts' handlers take the time from a clock. Stands back
 * wherever the service's clock exists.
 */
@Factory
final class TestClock {

    @Singleton
    @Requires(missingBeans = Clock.class)
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
