package dev.tenantcore.jobs.application;

import java.util.Objects;
import java.util.UUID;

/** A background job, within its organization. */
public record JobId(UUID value) {
    public JobId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
