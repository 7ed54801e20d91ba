package dev.tenantcore.shared.domain;

import java.util.Objects;
import java.util.UUID;

/** A person's global identity. Shared: tasks name an assignee, the audit log an acting user, memberships a member. */
public record UserId(UUID value) {
    public UserId {
        Objects.requireNonNull(value, "user id");
    }

    public static UserId generate() {
        return new UserId(UuidV7.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
