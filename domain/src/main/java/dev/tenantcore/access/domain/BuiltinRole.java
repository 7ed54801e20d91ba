package dev.tenantcore.access.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The four roles every organization has from the moment it exists (migration V4 creates them). Their permissions
 * are the catalogue's, the same in every organization, and nobody can change or delete them.
 */
public enum BuiltinRole {
    /** Everything, including making and removing owners. */
    OWNER,
    /** Everything except making and removing owners. */
    ADMIN,
    MEMBER,
    VIEWER;

    /** The role's name, which is also its code in storage: {@code owner}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<BuiltinRole> fromCode(String code) {
        return Arrays.stream(values()).filter(role -> role.code().equals(code)).findFirst();
    }
}
