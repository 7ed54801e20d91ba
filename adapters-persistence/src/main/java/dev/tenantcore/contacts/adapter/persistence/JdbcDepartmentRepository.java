package dev.tenantcore.contacts.adapter.persistence;

import dev.tenantcore.contacts.domain.Department;
import dev.tenantcore.contacts.domain.DepartmentId;
import dev.tenantcore.contacts.domain.DepartmentRepository;
import dev.tenantcore.shared.adapter.persistence.ConstraintViolations;
import dev.tenantcore.shared.adapter.persistence.PersistedIds;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The tenant statement guard refuses these statements outside the organization's transaction. */
@Singleton
final class JdbcDepartmentRepository implements DepartmentRepository {
    private final DepartmentRowRepository rows;
    private final DepartmentRowMapper mapper;
    private final JdbcOperations jdbc;

    JdbcDepartmentRepository(DepartmentRowRepository rows, DepartmentRowMapper mapper, JdbcOperations jdbc) {
        this.rows = rows;
        this.mapper = mapper;
        this.jdbc = jdbc;
    }

    @Override
    public Department insert(Department department) {
        try {
            return mapper.toDomain(rows.insert(department.organizationId().value(), department.id().value(),
                    department.name(), department.version()).getFirst());
        } catch (DataAccessException e) {
            throw nameTakenOr(e);
        }
    }

    @Override
    public void insertAll(List<Department> departments) {
        if (departments.isEmpty()) {
            return;
        }
        var organizationId = departments.getFirst().organizationId();
        if (departments.stream().anyMatch(department -> !department.organizationId().equals(organizationId))) {
            throw new IllegalArgumentException("departments of one organization at a time");
        }
        var ids = departments.stream().map(department -> department.id().value()).toArray(UUID[]::new);
        var names = departments.stream().map(Department::name).toArray(String[]::new);
        try {
            // One statement and one round trip, whatever the number: arrays unnested, not a batch.
            jdbc.prepareStatement("""
                    INSERT INTO departments (organization_id, id, name)
                    SELECT ?, d.id, d.name FROM unnest(?::uuid[], ?::text[]) d (id, name)""", statement -> {
                statement.setObject(1, organizationId.value());
                statement.setArray(2, statement.getConnection().createArrayOf("uuid", ids));
                statement.setArray(3, statement.getConnection().createArrayOf("text", names));
                return statement.executeUpdate();
            });
        } catch (DataAccessException e) {
            throw nameTakenOr(e);
        }
    }

    @Override
    public Optional<Department> findById(OrganizationId organizationId, DepartmentId id) {
        return rows.find(organizationId.value(), id.value()).map(mapper::toDomain);
    }

    @Override
    public Page<Department> list(OrganizationId organizationId, PageRequest<DepartmentId> page) {
        var after = page.after().map(DepartmentId::value).orElse(PersistedIds.NEWEST);
        var found = rows.listAfter(organizationId.value(), after, page.limit() + 1);
        return Page.fromOverfetch(found.stream().map(mapper::toDomain).toList(), page.limit());
    }

    @Override
    public Optional<Department> update(Department department) {
        try {
            return rows.updateIfVersion(department.organizationId().value(), department.id().value(),
                    department.version(), department.name()).stream().findFirst().map(mapper::toDomain);
        } catch (DataAccessException e) {
            throw nameTakenOr(e);
        }
    }

    /** contacts_department_fkey restricts: a department that contacts name, in the trash too, stays. */
    @Override
    public boolean delete(OrganizationId organizationId, DepartmentId id, long version) {
        try {
            return rows.deleteIfVersion(organizationId.value(), id.value(), version) == 1;
        } catch (DataAccessException e) {
            if (ConstraintViolations.isForeignKeyViolation(e, "contacts_department_fkey")) {
                throw new ConflictException("contacts belong to the department (in the trash too): move them to "
                        + "another department first");
            }
            throw e;
        }
    }

    private static RuntimeException nameTakenOr(DataAccessException failure) {
        if (ConstraintViolations.isUniqueViolation(failure, "departments_name_key")) {
            return new ConflictException(Department.NAME_TAKEN);
        }
        return failure;
    }
}
