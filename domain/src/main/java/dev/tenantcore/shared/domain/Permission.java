package dev.tenantcore.shared.domain;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fixed catalogue of permissions that roles grant. The database holds the same catalogue (table
 * {@code permissions}, migration V4; a test keeps the two equal), and grants them to the built-in roles there.
 * A module that needs its own permissions adds constants here and rows there.
 */
public enum Permission {
    ORGANIZATION_READ("organization:read"),
    ORGANIZATION_MANAGE("organization:manage"),
    MEMBERS_READ("members:read"),
    MEMBERS_MANAGE("members:manage"),
    ROLES_MANAGE("roles:manage"),
    API_KEYS_READ("api-keys:read"),
    API_KEYS_MANAGE("api-keys:manage"),
    TASKS_READ("tasks:read"),
    TASKS_WRITE("tasks:write"),
    AUDIT_READ("audit:read");

    private static final Map<String, Permission> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Permission::code, Function.identity()));

    private final String code;

    Permission(String code) {
        this.code = code;
    }

    /** The name stored and shown: {@code tasks:read}. */
    public String code() {
        return code;
    }

    public static Optional<Permission> fromCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
