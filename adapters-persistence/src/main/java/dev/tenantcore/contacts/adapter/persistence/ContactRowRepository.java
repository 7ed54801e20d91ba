package dev.tenantcore.contacts.adapter.persistence;

import io.micronaut.core.annotation.Nullable;
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
 * first column.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ContactRowRepository extends GenericRepository<ContactRow, UUID> {

    /** The timestamps are the columns' default, the transaction's time: the time its audit event records too. */
    @Query("""
            INSERT INTO contacts (organization_id, id, name, description, version)
            VALUES (:organizationId, :id, :name, :description, :version)
            RETURNING *""")
    List<ContactRow> insert(UUID organizationId, UUID id, String name, @Nullable String description, long version);

    @Query("SELECT * FROM contacts WHERE organization_id = :organizationId AND id = :id")
    Optional<ContactRow> find(UUID organizationId, UUID id);

    @Query("""
            SELECT * FROM contacts WHERE organization_id = :organizationId AND id < :after
            ORDER BY id DESC LIMIT :limit""")
    List<ContactRow> listAfter(UUID organizationId, UUID after, int limit);

    @Query("""
            UPDATE contacts SET name = :name, description = :description, version = version + 1
            WHERE organization_id = :organizationId AND id = :id AND version = :version
            RETURNING *""")
    List<ContactRow> updateIfVersion(UUID organizationId, UUID id, long version, String name,
            @Nullable String description);

    @Query("DELETE FROM contacts WHERE organization_id = :organizationId AND id = :id AND version = :version")
    long deleteIfVersion(UUID organizationId, UUID id, long version);
}
