package dev.tenantcore.organizations.adapter.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every statement names the organization explicitly; row-level security is the backstop, not the filter.
 * {@code UPDATE ... RETURNING} methods return a list: Micronaut Data maps an Optional result of such a query to
 * the first column only.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface OrganizationRowRepository extends GenericRepository<OrganizationRow, UUID> {

    OrganizationRow save(OrganizationRow row);

    @Query("SELECT * FROM organizations WHERE id = :id")
    Optional<OrganizationRow> find(UUID id);

    @Query("""
            UPDATE organizations SET name = :name, version = version + 1
            WHERE id = :id AND version = :version
            RETURNING *""")
    List<OrganizationRow> updateIfVersion(UUID id, long version, String name);
}
