package dev.tenantcore.tasks.domain;

import dev.tenantcore.shared.domain.UuidV7;
import java.util.Objects;
import java.util.UUID;

public record TaskId(UUID value) {
    public TaskId {
        Objects.requireNonNull(value, "task id");
    }

    public static TaskId generate() {
        return new TaskId(UuidV7.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
