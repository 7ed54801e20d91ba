package dev.tenantcore.access.adapter.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.UUID;

/**
 * Every statement names the organization explicitly; row-level security is the backstop, not the filter. Writes
 * touch custom roles only ({@code builtin IS NULL}): the built-in ones belong to the migrations. Reads, which need
 * each role's permissions beside its row, are in {@link JdbcRoleRepository}.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface RoleRowRepository extends GenericRepository<RoleRow, UUID> {

    RoleRow save(RoleRow row);

    @Query("""
            UPDATE roles SET name = :name, description = :description, version = version + 1
            WHERE organization_id = :organizationId AND id = :id AND version = :version AND builtin IS NULL
            RETURNING *""")
    List<RoleRow> updateIfVersion(UUID organizationId, UUID id, long version, String name,
            @Nullable String description);

    @Query("""
            DELETE FROM roles
            WHERE organization_id = :organizationId AND id = :id AND version = :version AND builtin IS NULL""")
    long deleteIfVersion(UUID organizationId, UUID id, long version);
}
