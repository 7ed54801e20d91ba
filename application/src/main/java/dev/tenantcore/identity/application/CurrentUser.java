package dev.tenantcore.identity.application;

import dev.tenantcore.identity.domain.User;
import dev.tenantcore.identity.domain.UserPreferences;
import dev.tenantcore.identity.domain.UserProfile;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Permission;
import java.util.Objects;
import java.util.Set;

/**
 * The calling user: their account, their profile and preferences (null if the account has none), and the
 * organization and permissions of their token.
 */
public record CurrentUser(User user, UserProfile profile, UserPreferences preferences,
        OrganizationId organizationId, Set<Permission> permissions) {
    public CurrentUser {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(organizationId, "organizationId");
        permissions = Set.copyOf(permissions);
    }
}
