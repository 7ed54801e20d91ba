package dev.tenantcore.access.application;

import dev.tenantcore.access.domain.Role;
import dev.tenantcore.access.domain.RoleRepository;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Roles as clients and other contexts name them: by name, checked against the organization's roles. */
final class RoleNames {
    static final String FIELD = "roles";

    private RoleNames() {
    }

    /** The names as a set in the given order; null elements are an invalid {@value #FIELD}. */
    static Set<String> copyOf(Collection<String> names) {
        var copy = new LinkedHashSet<String>();
        for (var name : names) {
            if (name == null) {
                throw new InvariantViolationException(FIELD, FIELD + " must not contain null");
            }
            copy.add(name);
        }
        return Collections.unmodifiableSet(copy);
    }

    /**
     * The organization's roles with these names. Names match exactly: role names are lower case, and a name the
     * organization has no role for is an invalid {@value #FIELD}, named in the message.
     */
    static List<Role> resolve(RoleRepository roles, OrganizationId organizationId, Set<String> names) {
        if (names.isEmpty()) {
            throw new InvariantViolationException(FIELD, FIELD + " must name at least one role");
        }
        var found = roles.findByNames(organizationId, names);
        var unknown = names.stream()
                .filter(name -> found.stream().noneMatch(role -> role.name().equals(name)))
                .toList();
        if (!unknown.isEmpty()) {
            throw new InvariantViolationException(FIELD, FIELD + " names no role of this organization: "
                    + String.join(", ", unknown.stream().map(name -> "'" + name + "'").toList()));
        }
        return found;
    }
}
