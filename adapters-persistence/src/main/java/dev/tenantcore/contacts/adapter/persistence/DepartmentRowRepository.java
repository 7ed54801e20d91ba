package dev.tenantcore.contacts.adapter.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every statement names the organization explicitly; row-level security is the backstop, not the filter. {@code
 * INSERT/UPDATE ... RETURNING} methods return a list: Micronaut Data maps an Optional result of such a query to the
 * first column. The name is citext: the uniqueness it keeps ignores case.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface DepartmentRowRepository extends GenericRepository<DepartmentRow, UUID> {

    /** The timestamps are the columns' default, the transaction's time: the time its audit event records too. */
    @Query("""
            INSERT INTO departments (organization_id, id, name, version)
            VALUES (:organizationId, :id, :name, :version)
            RETURNING *""")
    List<DepartmentRow> insert(UUID organizationId, UUID id, String name, long version);

    @Query("SELECT * FROM departments WHERE organization_id = :organizationId AND id = :id")
    Optional<DepartmentRow> find(UUID organizationId, UUID id);

    @Query("""
            SELECT * FROM departments WHERE organization_id = :organizationId AND id < :after
            ORDER BY id DESC LIMIT :limit""")
    List<DepartmentRow> listAfter(UUID organizationId, UUID after, int limit);

    @Query("""
            UPDATE departments SET name = :name, version = version + 1
            WHERE organization_id = :organizationId AND id = :id AND version = :version
            RETURNING *""")
    List<DepartmentRow> updateIfVersion(UUID organizationId, UUID id, long version, String name);

    @Query("DELETE FROM departments WHERE organization_id = :organizationId AND id = :id AND version = :version")
    long deleteIfVersion(UUID organizationId, UUID id, long version);
}
