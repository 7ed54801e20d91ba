package dev.tenantcore.access.domain;

import java.util.List;
import java.util.Objects;

/**
 * A membership as the organization sees it: with the person's address and display name, from their account and
 * profile (read-only here: they belong to the person, not to the organization), and the names of the roles held.
 *
 * @param displayName null while the person has no profile
 * @param roleNames sorted, one per role the membership holds
 */
public record Member(Membership membership, String email, String displayName, List<String> roleNames) {
    public Member {
        Objects.requireNonNull(membership, "membership");
        Objects.requireNonNull(email, "email");
        roleNames = roleNames.stream().sorted().toList();
        if (roleNames.size() != membership.roleIds().size()) {
            throw new IllegalArgumentException("one role name per role held: " + roleNames + " for "
                    + membership.roleIds());
        }
    }
}
