package dev.tenantcore.contacts.adapter.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every statement names the organization explicitly; row-level security is the backstop, not the filter. {@code
 * INSERT/UPDATE ... RETURNING} methods return a list: Micronaut Data maps an Optional result of such a query to the
 * first column. The metadata travels as JSON text, cast to jsonb on the way in and back to text on the way out.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ProductionRowRepository extends GenericRepository<ProductionRow, UUID> {
    String COLUMNS = "organization_id, id, name, code, status, start_date, end_date, metadata::text AS metadata, "
            + "version, created_at, updated_at";

    /** The timestamps are the columns' default, the transaction's time: the time its audit event records too. */
    @Query("""
            INSERT INTO productions (organization_id, id, name, code, status, start_date, end_date, metadata, version)
            VALUES (:organizationId, :id, :name, :code, :status, :startDate, :endDate, CAST(:metadata AS jsonb),
                    :version)
            RETURNING\s""" + COLUMNS)
    List<ProductionRow> insert(UUID organizationId, UUID id, String name, String code, String status,
            @Nullable LocalDate startDate, @Nullable LocalDate endDate, String metadata, long version);

    @Query("SELECT " + COLUMNS + " FROM productions WHERE organization_id = :organizationId AND id = :id")
    Optional<ProductionRow> find(UUID organizationId, UUID id);

    @Query("SELECT " + COLUMNS + """
             FROM productions WHERE organization_id = :organizationId AND id < :after
            ORDER BY id DESC LIMIT :limit""")
    List<ProductionRow> listAfter(UUID organizationId, UUID after, int limit);

    @Query("""
            UPDATE productions
            SET name = :name, code = :code, status = :status, start_date = :startDate, end_date = :endDate,
                metadata = CAST(:metadata AS jsonb), version = version + 1
            WHERE organization_id = :organizationId AND id = :id AND version = :version
            RETURNING\s""" + COLUMNS)
    List<ProductionRow> updateIfVersion(UUID organizationId, UUID id, long version, String name, String code,
            String status, @Nullable LocalDate startDate, @Nullable LocalDate endDate, String metadata);

    @Query("DELETE FROM productions WHERE organization_id = :organizationId AND id = :id AND version = :version")
    long deleteIfVersion(UUID organizationId, UUID id, long version);
}
