package dev.tenantcore.identity.application;

import dev.tenantcore.identity.domain.User;
import dev.tenantcore.identity.domain.UserProfile;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Permission;
import java.util.Objects;
import java.util.Set;

/** The calling user: their account, their profile, and the organization and permissions of their token. */
public record CurrentUser(User user, UserProfile profile, OrganizationId organizationId,
        Set<Permission> permissions) {
    public CurrentUser {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(organizationId, "organizationId");
        permissions = Set.copyOf(permissions);
    }
}
