package dev.tenantcore.identity.domain;

import dev.tenantcore.shared.domain.UserId;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** A person's global identity: one account across every organization they belong to. */
public record User(UserId id, EmailAddress email, Status status, long version, Instant createdAt,
        Instant updatedAt) {

    public enum Status {
        ACTIVE, SUSPENDED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status fromCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** An account as storage holds it, checked like any other. */
    public static User reconstitute(UserId id, EmailAddress email, Status status, long version, Instant createdAt,
            Instant updatedAt) {
        return new User(id, email, status, version, createdAt, updatedAt);
    }

    public static User register(EmailAddress email, Instant now) {
        return new User(UserId.generate(), email, Status.ACTIVE, 1, now, now);
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }
}
