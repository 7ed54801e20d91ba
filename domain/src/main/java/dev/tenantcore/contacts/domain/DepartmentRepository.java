package dev.tenantcore.contacts.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import java.util.List;
import java.util.Optional;

/**
 * The organization's departments. Every method runs inside the caller's tenant transaction. A name another
 * department has is refused with a {@code ConflictException}; so is deleting a department that contacts name.
 */
public interface DepartmentRepository {

    /** Stores a new department; returns it as stored, with the database's timestamps. */
    Department insert(Department department);

    /** Stores new departments in one statement (an organization's default catalogue). */
    void insertAll(List<Department> departments);

    Optional<Department> findById(OrganizationId organizationId, DepartmentId id);

    /** Newest first, after {@code page.after()}. */
    Page<Department> list(OrganizationId organizationId, PageRequest<DepartmentId> page);

    /** Writes the new name if the stored version is still {@code department.version()}; empty otherwise. */
    Optional<Department> update(Department department);

    /** Deletes the department if its stored version is still {@code version}. */
    boolean delete(OrganizationId organizationId, DepartmentId id, long version);
}
