package dev.tenantcore.access.domain;

import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Permission;
import dev.tenantcore.shared.domain.Text;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A named set of permissions that members and API keys hold. Built-in roles ({@code builtin} set) exist in every
 * organization with the catalogue's permissions and never change; custom roles are the organization's own.
 * Immutable; the canonical constructor enforces every invariant; {@link #reconstitute} is how storage brings one
 * back.
 */
public record Role(
        RoleId id,
        OrganizationId organizationId,
        String name,
        String description,
        BuiltinRole builtin,
        Set<Permission> permissions,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    /** Lower case, so that names compare the same in the API as in the database's case-insensitive column. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    public static final int DESCRIPTION_MAX_LENGTH = 500;

    public Role {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        name = checkName("name", name);
        description = Text.optional("description", description, DESCRIPTION_MAX_LENGTH);
        if (builtin != null && !builtin.code().equals(name)) {
            throw new IllegalArgumentException("the built-in role " + builtin + " must be named " + builtin.code());
        }
        permissions = Set.copyOf(Objects.requireNonNull(permissions, "permissions"));
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A role as storage holds it, checked like any other. */
    public static Role reconstitute(RoleId id, OrganizationId organizationId, String name, String description,
            BuiltinRole builtin, Set<Permission> permissions, long version, Instant createdAt, Instant updatedAt) {
        return new Role(id, organizationId, name, description, builtin, permissions, version, createdAt, updatedAt);
    }

    /** A role of the organization's own, with the permissions it grants. */
    public static Role custom(OrganizationId organizationId, String name, String description,
            Set<Permission> permissions, Instant now) {
        return new Role(RoleId.generate(), organizationId, name, description, null, permissions, 1, now, now);
    }

    /** Checks a role name as a client wrote it; {@code field} names where it came from. */
    public static String checkName(String field, String name) {
        var checked = Text.required(field, name, 63);
        if (!NAME.matcher(checked).matches()) {
            throw new InvariantViolationException(field, field + " must be 1 to 63 of a-z, 0-9, '_' and '-', "
                    + "starting with a letter or digit: '" + checked + "' is not");
        }
        return checked;
    }

    /**
     * The permissions that codes name; a code that cannot name one is an invalid {@code field}, named in the
     * message. Whether the catalogue holds them is for {@code PermissionCatalogue} to say.
     */
    public static Set<Permission> permissionsNamed(String field, Collection<String> codes) {
        if (codes == null) {
            throw new InvariantViolationException(field, field + " must be a list of permission codes");
        }
        var permissions = new HashSet<Permission>();
        for (var code : codes) {
            if (code == null) {
                throw new InvariantViolationException(field, field + " must not contain null");
            }
            if (!Permission.isCode(code)) {
                throw new InvariantViolationException(field, field + " names an unknown permission: '" + code
                        + "'; permission codes look like 'tasks:read'");
            }
            permissions.add(new Permission(code));
        }
        return permissions;
    }

    /** Not one of the four built-in roles: the organization's own, which it may change and delete. */
    public boolean isCustom() {
        return builtin == null;
    }

    public boolean is(BuiltinRole role) {
        return builtin == role;
    }

    /** The role with its definition replaced; built-in roles refuse. */
    public Role revised(String newName, String newDescription, Set<Permission> newPermissions) {
        if (!isCustom()) {
            throw new ConflictException("the built-in role '" + name + "' cannot be changed; create a custom role "
                    + "instead");
        }
        return new Role(id, organizationId, newName, newDescription, null, newPermissions, version, createdAt,
                updatedAt);
    }

    /** Throws unless the role may be deleted: built-in roles may not. */
    public void checkDeletable() {
        if (!isCustom()) {
            throw new ConflictException("the built-in role '" + name + "' cannot be deleted");
        }
    }

    /** Codes of the permissions, sorted: how the API shows them. */
    public List<String> permissionCodes() {
        return permissions.stream().map(Permission::code).sorted().toList();
    }
}
