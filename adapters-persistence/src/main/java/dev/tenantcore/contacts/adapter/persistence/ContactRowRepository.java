package dev.tenantcore.contacts.adapter.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every statement names the organization explicitly; row-level security is the backstop, not the filter. Lists and
 * search are in {@link JdbcContactRepository}: their SQL depends on the filters given. {@code INSERT/UPDATE ...
 * RETURNING} methods return a list: Micronaut Data maps an Optional result of such a query to the first column.
 * The custom fields travel as JSON text, cast to jsonb on the way in and back to text on the way out.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ContactRowRepository extends GenericRepository<ContactRow, UUID> {
    String COLUMNS = "organization_id, id, name, email, phone, role, company, department_id, production_id, notes, "
            + "custom_fields::text AS custom_fields, source, import_id, deleted_at, version, created_at, updated_at";

    /** The timestamps are the columns' default, the transaction's time: the time its audit event records too. */
    @Query("""
            INSERT INTO contacts (organization_id, id, name, email, phone, role, company, department_id,
                                  production_id, notes, custom_fields, source, import_id, version)
            VALUES (:organizationId, :id, :name, :email, :phone, :role, :company, :departmentId, :productionId,
                    :notes, CAST(:customFields AS jsonb), :source, :importId, :version)
            RETURNING\s""" + COLUMNS)
    List<ContactRow> insert(UUID organizationId, UUID id, String name, @Nullable String email, @Nullable String phone,
            @Nullable String role, @Nullable String company, @Nullable UUID departmentId,
            @Nullable UUID productionId, @Nullable String notes, String customFields, String source,
            @Nullable UUID importId, long version);

    @Query("SELECT " + COLUMNS + " FROM contacts WHERE organization_id = :organizationId AND id = :id")
    Optional<ContactRow> find(UUID organizationId, UUID id);

    @Query("""
            UPDATE contacts
            SET name = :name, email = :email, phone = :phone, role = :role, company = :company,
                department_id = :departmentId, production_id = :productionId, notes = :notes,
                custom_fields = CAST(:customFields AS jsonb), deleted_at = :deletedAt, version = version + 1
            WHERE organization_id = :organizationId AND id = :id AND version = :version
            RETURNING\s""" + COLUMNS)
    List<ContactRow> updateIfVersion(UUID organizationId, UUID id, long version, String name, @Nullable String email,
            @Nullable String phone, @Nullable String role, @Nullable String company, @Nullable UUID departmentId,
            @Nullable UUID productionId, @Nullable String notes, String customFields, @Nullable Instant deletedAt);

    /** contacts_deleted_idx: (organization_id, deleted_at) over the trash only. */
    @Query("""
            DELETE FROM contacts
            WHERE organization_id = :organizationId AND deleted_at IS NOT NULL AND deleted_at < :cutoff""")
    int purgeDeletedBefore(UUID organizationId, Instant cutoff);
}
