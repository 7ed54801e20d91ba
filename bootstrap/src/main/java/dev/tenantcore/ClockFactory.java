package dev.tenantcore;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * The use cases take time from an injected clock, so tests can fix it. It ticks in microseconds, PostgreSQL's
 * timestamp precision, so a value the service returns right after a write equals what it reads back later.
 */
@Factory
final class ClockFactory {

    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
