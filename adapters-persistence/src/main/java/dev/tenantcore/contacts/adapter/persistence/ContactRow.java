package dev.tenantcore.contacts.adapter.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** custom_fields is the jsonb column read as text ({@link ContactRowRepository#COLUMNS}). */
@MappedEntity("contacts")
record ContactRow(
        @Id UUID id,
        UUID organizationId,
        String name,
        @Nullable String email,
        @Nullable String phone,
        @Nullable String role,
        @Nullable String company,
        @Nullable UUID departmentId,
        @Nullable UUID productionId,
        @Nullable String notes,
        String customFields,
        String source,
        @Nullable UUID importId,
        @Nullable Instant deletedAt,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    /** The row at the result's cursor, for the statements built in {@link JdbcContactRepository}. */
    static ContactRow read(ResultSet result) throws SQLException {
        return new ContactRow(result.getObject("id", UUID.class), result.getObject("organization_id", UUID.class),
                result.getString("name"), result.getString("email"), result.getString("phone"),
                result.getString("role"), result.getString("company"),
                result.getObject("department_id", UUID.class), result.getObject("production_id", UUID.class),
                result.getString("notes"), result.getString("custom_fields"), result.getString("source"),
                result.getObject("import_id", UUID.class), instant(result, "deleted_at"), result.getLong("version"),
                instant(result, "created_at"), instant(result, "updated_at"));
    }

    private static Instant instant(ResultSet result, String column) throws SQLException {
        var value = result.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
