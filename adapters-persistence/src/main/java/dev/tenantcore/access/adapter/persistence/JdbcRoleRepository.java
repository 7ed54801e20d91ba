package dev.tenantcore.access.adapter.persistence;

import dev.tenantcore.access.domain.BuiltinRole;
import dev.tenantcore.access.domain.Role;
import dev.tenantcore.access.domain.RoleId;
import dev.tenantcore.access.domain.RoleRepository;
import dev.tenantcore.shared.adapter.persistence.ConstraintViolations;
import dev.tenantcore.shared.adapter.persistence.PersistedIds;
import dev.tenantcore.shared.adapter.persistence.PersistedPermissions;
import dev.tenantcore.shared.adapter.persistence.TenantSession;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.shared.domain.Permission;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Roles with their permissions, read in one statement: {@code permissions_of_roles} (migration V4) is the one
 * definition of what a role grants, for built-in roles (the catalogue) and custom ones (role_permissions) alike;
 * authentication uses the same function. A custom role's permissions are written as a difference, so the audit
 * log records exactly the permissions granted and withdrawn.
 */
@Singleton
final class JdbcRoleRepository implements RoleRepository {
    private static final String SELECT = """
            SELECT r.*, permissions_of_roles(r.organization_id, ARRAY[r.id]) AS permissions
            FROM roles r WHERE r.organization_id = ?""";
    private static final String NAME_KEY = "roles_name_key";

    private final RoleRowRepository rows;
    private final RoleRowMapper mapper;
    private final JdbcStatements statements;

    JdbcRoleRepository(RoleRowRepository rows, RoleRowMapper mapper, JdbcOperations jdbc) {
        this.rows = rows;
        this.mapper = mapper;
        this.statements = new JdbcStatements(jdbc);
    }

    @Override
    public void insert(Role role) {
        TenantSession.require(role.organizationId());
        try {
            rows.save(mapper.toRow(role));
        } catch (DataAccessException e) {
            throw nameTakenOr(e, role);
        }
        grant(role.organizationId(), role.id(), role.permissions());
    }

    @Override
    public Optional<Role> findById(OrganizationId organizationId, RoleId id) {
        TenantSession.require(organizationId);
        return select(" AND r.id = ?", organizationId, id.value()).stream().findFirst();
    }

    /** Compared as text, not citext: names match exactly, as the port promises (stored names are lower case). */
    @Override
    public List<Role> findByNames(OrganizationId organizationId, Set<String> names) {
        TenantSession.require(organizationId);
        if (names.isEmpty()) {
            return List.of();
        }
        return statements.query(SELECT + " AND r.name::text = ANY (?)", statement -> {
            statement.setObject(1, organizationId.value());
            JdbcStatements.bindTexts(statement, 2, names);
        }, this::toRole);
    }

    @Override
    public List<Role> findByIds(OrganizationId organizationId, Set<RoleId> ids) {
        TenantSession.require(organizationId);
        if (ids.isEmpty()) {
            return List.of();
        }
        return statements.query(SELECT + " AND r.id = ANY (?)", statement -> {
            statement.setObject(1, organizationId.value());
            JdbcStatements.bindUuids(statement, 2, ids.stream().map(RoleId::value).toList());
        }, this::toRole);
    }

    @Override
    public Optional<Role> findBuiltin(OrganizationId organizationId, BuiltinRole role) {
        TenantSession.require(organizationId);
        return select(" AND r.builtin = ?", organizationId, role.code()).stream().findFirst();
    }

    @Override
    public Page<Role> list(OrganizationId organizationId, PageRequest<RoleId> page) {
        TenantSession.require(organizationId);
        var before = page.after().map(RoleId::value).orElse(PersistedIds.NEWEST);
        var found = statements.query(SELECT + " AND r.id < ? ORDER BY r.id DESC LIMIT ?", statement -> {
            statement.setObject(1, organizationId.value());
            statement.setObject(2, before);
            statement.setInt(3, page.limit() + 1);
        }, this::toRole);
        return Page.fromOverfetch(found, page.limit());
    }

    @Override
    public Optional<Role> update(Role role) {
        TenantSession.require(role.organizationId());
        List<RoleRow> updated;
        try {
            updated = rows.updateIfVersion(role.organizationId().value(), role.id().value(), role.version(),
                    role.name(), role.description());
        } catch (DataAccessException e) {
            throw nameTakenOr(e, role);
        }
        if (updated.isEmpty()) {
            return Optional.empty();
        }
        var codes = codes(role.permissions());
        statements.update("""
                DELETE FROM role_permissions
                WHERE organization_id = ? AND role_id = ? AND permission <> ALL (?)""", statement -> {
            statement.setObject(1, role.organizationId().value());
            statement.setObject(2, role.id().value());
            JdbcStatements.bindTexts(statement, 3, codes);
        });
        grant(role.organizationId(), role.id(), role.permissions());
        return Optional.of(mapper.toDomain(updated.getFirst(), role.permissions()));
    }

    @Override
    public boolean delete(OrganizationId organizationId, RoleId id, long version) {
        TenantSession.require(organizationId);
        return rows.deleteIfVersion(organizationId.value(), id.value(), version) == 1;
    }

    /** Adds the permissions the role does not grant yet. */
    private void grant(OrganizationId organizationId, RoleId id, Set<Permission> permissions) {
        if (permissions.isEmpty()) {
            return;
        }
        statements.update("""
                INSERT INTO role_permissions (organization_id, role_id, permission)
                SELECT ?, ?, unnest(?::text[])
                ON CONFLICT DO NOTHING""", statement -> {
            statement.setObject(1, organizationId.value());
            statement.setObject(2, id.value());
            JdbcStatements.bindTexts(statement, 3, codes(permissions));
        });
    }

    private List<Role> select(String condition, OrganizationId organizationId, Object value) {
        return statements.query(SELECT + condition, statement -> {
            statement.setObject(1, organizationId.value());
            statement.setObject(2, value);
        }, this::toRole);
    }

    private Role toRole(ResultSet row) throws SQLException {
        var permissions = PersistedPermissions.fromArray(row.getArray("permissions"));
        return mapper.toDomain(statements.readEntity(row, RoleRow.class), permissions);
    }

    private static List<String> codes(Set<Permission> permissions) {
        return permissions.stream().map(Permission::code).sorted().toList();
    }

    private static RuntimeException nameTakenOr(DataAccessException failure, Role role) {
        if (ConstraintViolations.isUniqueViolation(failure, NAME_KEY)) {
            return new ConflictException("a role named '" + role.name() + "' exists already");
        }
        return failure;
    }
}
