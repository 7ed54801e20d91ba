package dev.tenantcore.shared.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Something a role lets its holders do, by its code ({@code tasks:read}). Each context declares its own (for
 * example {@code TaskPermissions}) and its migration adds them to the database's catalogue (table
 * {@code permissions}, with the built-in roles that hold them in {@code builtin_role_permissions}): that catalogue
 * is the one list of them all.
 *
 * @param code {@code <resource>:<action>}, lower case
 */
public record Permission(String code) {
    private static final Pattern CODE = Pattern.compile("[a-z][a-z-]*:[a-z][a-z-]*");

    public Permission {
        if (!CODE.matcher(Objects.requireNonNull(code, "code")).matches()) {
            throw new IllegalArgumentException("not a permission code (<resource>:<action>): '" + code + "'");
        }
    }

    /** Whether {@code code} has a permission code's form; whether the catalogue holds it is another matter. */
    public static boolean isCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }
}
