package dev.tenantcore.access.domain;

import dev.tenantcore.shared.domain.AccessDeniedException;
import dev.tenantcore.shared.domain.Permission;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * A credential that hands out or takes away roles, and how far it may go. Nobody grants more than they hold: a
 * role may be granted or taken away only by a credential holding every permission the role grants, and a role
 * may be defined only with such permissions. The owner role is more than its permissions (the admin role has the
 * same ones): only an owner may grant it or take it away.
 *
 * <p>Whether the credential is an owner is asked only when the owner role is at stake, and at most once: finding
 * it out costs a lookup, and most changes do not touch the owner role.
 */
public final class Grantor {
    private final Set<Permission> permissions;
    private final BooleanSupplier ownership;
    private Boolean owner;

    public Grantor(Set<Permission> permissions, BooleanSupplier ownership) {
        this.permissions = Set.copyOf(permissions);
        this.ownership = Objects.requireNonNull(ownership, "ownership");
    }

    /** Throws {@link AccessDeniedException} unless this credential may grant or take away every one of them. */
    public void requireMayGrant(Collection<Role> roles) {
        roles.forEach(this::requireMayGrant);
    }

    /** Throws {@link AccessDeniedException} unless this credential may grant or take away {@code role}. */
    public void requireMayGrant(Role role) {
        if (role.is(BuiltinRole.OWNER) && !isOwner()) {
            throw new AccessDeniedException("only an owner may grant or take away the owner role");
        }
        var lacking = lacking(role.permissions());
        if (!lacking.isEmpty()) {
            throw new AccessDeniedException("the role '" + role.name() + "' grants permissions this credential "
                    + "lacks (" + codes(lacking) + "); nobody may grant or take away more than they hold");
        }
    }

    /** Throws {@link AccessDeniedException} unless this credential holds all of {@code granted} itself. */
    public void requireHolds(Set<Permission> granted) {
        var lacking = lacking(granted);
        if (!lacking.isEmpty()) {
            throw new AccessDeniedException("a role may grant only permissions this credential holds itself; it "
                    + "lacks " + codes(lacking));
        }
    }

    private Set<Permission> lacking(Set<Permission> granted) {
        var lacking = new HashSet<>(granted);
        lacking.removeAll(permissions);
        return lacking;
    }

    private boolean isOwner() {
        if (owner == null) {
            owner = ownership.getAsBoolean();
        }
        return owner;
    }

    private static String codes(Set<Permission> permissions) {
        return String.join(", ", permissions.stream().map(Permission::code).sorted().toList());
    }
}
