package dev.tenantcore.shared.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * Who makes a change: recorded with every audit event. An API key or a user carries its id; the service itself
 * (scheduled work, start-up) and anonymous callers (sign-up) have none.
 */
public record Actor(Type type, UUID id) {
    public static final Actor SYSTEM = new Actor(Type.SYSTEM, null);
    public static final Actor ANONYMOUS = new Actor(Type.ANONYMOUS, null);

    public enum Type {
        USER, API_KEY, SYSTEM, ANONYMOUS;

        /** The name stored and shown: {@code api_key}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Type fromCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    public Actor {
        Objects.requireNonNull(type, "type");
        if ((type == Type.USER || type == Type.API_KEY) != (id != null)) {
            throw new IllegalArgumentException("a " + type.code() + " actor " + (id == null ? "needs" : "has no") + " id");
        }
    }

    public static Actor apiKey(UUID id) {
        return new Actor(Type.API_KEY, Objects.requireNonNull(id, "id"));
    }

    public static Actor user(UUID id) {
        return new Actor(Type.USER, Objects.requireNonNull(id, "id"));
    }
}
