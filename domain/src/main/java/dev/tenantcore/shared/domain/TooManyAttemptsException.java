package dev.tenantcore.shared.domain;

import java.time.Duration;
import java.util.Objects;

/** Too many failed attempts: refused without checking anything until {@link #retryAfter()} has passed. */
public final class TooManyAttemptsException extends DomainException {
    private final Duration retryAfter;

    public TooManyAttemptsException(Duration retryAfter) {
        super("too many failed attempts; try again later");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
