package dev.tenantcore.shared.application;

import dev.tenantcore.shared.domain.AccessDeniedException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Permission;
import java.util.Set;

/**
 * The organization the authenticated credential acts for, and what the credential may do there. Implemented by
 * the web adapter from the credential alone: nothing in a request body, path, query or header other than the
 * credential can choose the tenant or add a permission.
 */
public interface CurrentTenant {

    /** Throws {@link IllegalStateException} when called outside an authenticated request. */
    OrganizationId organizationId();

    /** The permissions the credential's roles grant in {@link #organizationId()}. */
    Set<Permission> permissions();

    /**
     * Every use case calls this first, before it looks anything up: a denied caller learns nothing about the
     * target, not even whether it exists.
     */
    default void require(Permission permission) {
        if (!permissions().contains(permission)) {
            throw new AccessDeniedException("this credential lacks the permission " + permission.code());
        }
    }
}
