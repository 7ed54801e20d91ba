package dev.tenantcore.access.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An organization's roles, built-in and custom, each with the permissions it grants; every call runs inside a
 * transaction for {@code organizationId}. Writes concern custom roles only: built-in ones are the database's.
 */
public interface RoleRepository {

    /** Throws {@link dev.tenantcore.shared.domain.ConflictException} when the name is taken. */
    void insert(Role role);

    Optional<Role> findById(OrganizationId organizationId, RoleId id);

    /** The roles with exactly these names; a name the organization has no role for is simply not in the result. */
    List<Role> findByNames(OrganizationId organizationId, Set<String> names);

    /** The roles with these ids; an unknown id is simply not in the result. */
    List<Role> findByIds(OrganizationId organizationId, Set<RoleId> ids);

    /** Every organization has its built-in roles; empty only for an organization that does not exist. */
    Optional<Role> findBuiltin(OrganizationId organizationId, BuiltinRole role);

    /** Newest first, keyset-paginated on the time-ordered id: the built-in roles, created first, come last. */
    Page<Role> list(OrganizationId organizationId, PageRequest<RoleId> page);

    /**
     * Writes a custom role's name, description and permissions if its stored version is still
     * {@code role.version()}; returns it as stored, or empty if it was changed or deleted meanwhile. Throws
     * {@link dev.tenantcore.shared.domain.ConflictException} when the new name is taken.
     */
    Optional<Role> update(Role role);

    /** Deletes a custom role if its stored version is {@code version}; its holders lose it. False otherwise. */
    boolean delete(OrganizationId organizationId, RoleId id, long version);
}
