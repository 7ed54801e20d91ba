package dev.tenantcore.contacts.adapter.persistence;

import dev.tenantcore.contacts.domain.ContactField;
import dev.tenantcore.contacts.domain.ContactImport;
import dev.tenantcore.contacts.domain.DuplicatePolicy;
import dev.tenantcore.contacts.domain.ImportCounts;
import dev.tenantcore.contacts.domain.ImportId;
import dev.tenantcore.contacts.domain.ImportRepository;
import dev.tenantcore.contacts.domain.ImportRowError;
import dev.tenantcore.contacts.domain.ImportStatus;
import dev.tenantcore.contacts.domain.ProductionId;
import dev.tenantcore.shared.adapter.persistence.ConstraintViolations;
import dev.tenantcore.shared.adapter.persistence.PersistedIds;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * imports and import_errors (migration V12). The mapping travels as two arrays (fields, headers), built into and
 * read out of its jsonb object by the database. The tenant statement guard refuses these statements outside the
 * organization's transaction.
 */
@Singleton
final class JdbcImportRepository implements ImportRepository {
    private static final String COLUMNS = """
            organization_id, id, file_name, size_bytes, production_id, duplicate_policy, dry_run,
            ARRAY(SELECT key FROM jsonb_each_text(mapping) ORDER BY key) AS mapping_fields,
            ARRAY(SELECT value FROM jsonb_each_text(mapping) ORDER BY key) AS mapping_headers,
            status, rows_total, rows_done, created_count, updated_count, skipped_count, failed_count,
            needs_review_count, error, finished_at, version, created_at, updated_at""";

    private final JdbcOperations jdbc;

    JdbcImportRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ContactImport insert(ContactImport contactImport) {
        var fields = new ArrayList<String>();
        var headers = new ArrayList<String>();
        contactImport.mapping().forEach((field, header) -> {
            fields.add(field.key());
            headers.add(header);
        });
        try {
            return jdbc.prepareStatement("""
                    INSERT INTO imports (organization_id, id, file_name, format, size_bytes, production_id,
                                         duplicate_policy, dry_run, mapping, status, rows_total)
                    VALUES (?, ?, ?, 'csv', ?, ?, ?, ?, jsonb_object(?::text[], ?::text[]), ?, ?)
                    RETURNING\s""" + COLUMNS, statement -> {
                statement.setObject(1, contactImport.organizationId().value());
                statement.setObject(2, contactImport.id().value());
                statement.setString(3, contactImport.fileName());
                statement.setLong(4, contactImport.sizeBytes());
                statement.setObject(5, contactImport.productionId() == null ? null
                        : contactImport.productionId().value());
                statement.setString(6, name(contactImport.duplicatePolicy()));
                statement.setBoolean(7, contactImport.dryRun());
                statement.setArray(8, statement.getConnection().createArrayOf("text", fields.toArray()));
                statement.setArray(9, statement.getConnection().createArrayOf("text", headers.toArray()));
                statement.setString(10, name(contactImport.status()));
                statement.setInt(11, contactImport.rowsTotal());
                return one(statement).orElseThrow();
            });
        } catch (DataAccessException e) {
            if (ConstraintViolations.isForeignKeyViolation(e, "imports_production_fkey")) {
                throw new InvariantViolationException("productionId", ContactImport.UNKNOWN_PRODUCTION);
            }
            throw e;
        }
    }

    @Override
    public Optional<ContactImport> findById(OrganizationId organizationId, ImportId id) {
        return byId("SELECT " + COLUMNS + " FROM imports WHERE organization_id = ? AND id = ?", organizationId, id);
    }

    @Override
    public Optional<ContactImport> lock(OrganizationId organizationId, ImportId id) {
        return byId("SELECT " + COLUMNS + " FROM imports WHERE organization_id = ? AND id = ? FOR UPDATE",
                organizationId, id);
    }

    private Optional<ContactImport> byId(String sql, OrganizationId organizationId, ImportId id) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setObject(1, organizationId.value());
            statement.setObject(2, id.value());
            return one(statement);
        });
    }

    /** The primary key, scanned backwards: ids are time-ordered. */
    @Override
    public Page<ContactImport> list(OrganizationId organizationId, PageRequest<ImportId> page) {
        return jdbc.prepareStatement("SELECT " + COLUMNS
                + " FROM imports WHERE organization_id = ? AND id < ? ORDER BY id DESC LIMIT ?", statement -> {
            statement.setObject(1, organizationId.value());
            statement.setObject(2, page.after().map(ImportId::value).orElse(PersistedIds.NEWEST));
            statement.setInt(3, page.limit() + 1);
            var found = new ArrayList<ContactImport>();
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    found.add(read(result));
                }
            }
            return Page.fromOverfetch(found, page.limit());
        });
    }

    @Override
    public ContactImport update(ContactImport contactImport) {
        return jdbc.prepareStatement("""
                UPDATE imports
                SET status = ?, rows_done = ?, created_count = ?, updated_count = ?, skipped_count = ?,
                    failed_count = ?, needs_review_count = ?, error = ?, finished_at = ?, version = version + 1
                WHERE organization_id = ? AND id = ?
                RETURNING\s""" + COLUMNS, statement -> {
            var counts = contactImport.counts();
            statement.setString(1, name(contactImport.status()));
            statement.setInt(2, contactImport.rowsDone());
            statement.setInt(3, counts.created());
            statement.setInt(4, counts.updated());
            statement.setInt(5, counts.skipped());
            statement.setInt(6, counts.failed());
            statement.setInt(7, counts.needsReview());
            statement.setString(8, contactImport.error());
            statement.setObject(9, contactImport.finishedAt() == null ? null
                    : OffsetDateTime.ofInstant(contactImport.finishedAt(), ZoneOffset.UTC));
            statement.setObject(10, contactImport.organizationId().value());
            statement.setObject(11, contactImport.id().value());
            return one(statement).orElseThrow(() -> new IllegalStateException("the import is gone"));
        });
    }

    /** One statement per chunk: the lines as arrays, unnested. */
    @Override
    public void addErrors(OrganizationId organizationId, ImportId id, List<ImportRowError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("""
                INSERT INTO import_errors (organization_id, import_id, row_number, field, value, message)
                SELECT ?, ?, e.row_number, e.field, e.value, e.message
                FROM unnest(?::integer[], ?::text[], ?::text[], ?::text[]) e (row_number, field, value, message)""",
                statement -> {
                    var connection = statement.getConnection();
                    statement.setObject(1, organizationId.value());
                    statement.setObject(2, id.value());
                    statement.setArray(3, connection.createArrayOf("integer",
                            errors.stream().map(ImportRowError::row).toArray()));
                    statement.setArray(4, connection.createArrayOf("text",
                            errors.stream().map(ImportRowError::field).toArray()));
                    statement.setArray(5, connection.createArrayOf("text",
                            errors.stream().map(ImportRowError::value).toArray()));
                    statement.setArray(6, connection.createArrayOf("text",
                            errors.stream().map(ImportRowError::message).toArray()));
                    return statement.executeUpdate();
                });
    }

    @Override
    public List<ImportRowError> errors(OrganizationId organizationId, ImportId id) {
        return jdbc.prepareStatement("""
                SELECT row_number, field, value, message FROM import_errors
                WHERE organization_id = ? AND import_id = ? ORDER BY row_number""", statement -> {
            statement.setObject(1, organizationId.value());
            statement.setObject(2, id.value());
            var found = new ArrayList<ImportRowError>();
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    found.add(new ImportRowError(result.getInt(1), result.getString(2), result.getString(3),
                            result.getString(4)));
                }
            }
            return found;
        });
    }

    private static Optional<ContactImport> one(PreparedStatement statement) throws SQLException {
        try (var result = statement.executeQuery()) {
            return result.next() ? Optional.of(read(result)) : Optional.empty();
        }
    }

    private static ContactImport read(ResultSet result) throws SQLException {
        var mapping = new EnumMap<ContactField, String>(ContactField.class);
        var fields = (String[]) result.getArray("mapping_fields").getArray();
        var headers = (String[]) result.getArray("mapping_headers").getArray();
        for (int i = 0; i < fields.length; i++) {
            var field = fields[i];
            mapping.put(ContactField.ofKey(field).orElseThrow(() -> new IllegalStateException(
                    "unknown field in a stored mapping: " + field)), headers[i]);
        }
        var productionId = result.getObject("production_id", UUID.class);
        return new ContactImport(new ImportId(result.getObject("id", UUID.class)),
                new OrganizationId(result.getObject("organization_id", UUID.class)), result.getString("file_name"),
                result.getLong("size_bytes"), productionId == null ? null : new ProductionId(productionId),
                DuplicatePolicy.valueOf(result.getString("duplicate_policy").toUpperCase(Locale.ROOT)),
                result.getBoolean("dry_run"), mapping,
                ImportStatus.valueOf(result.getString("status").toUpperCase(Locale.ROOT)), result.getInt("rows_total"),
                result.getInt("rows_done"), new ImportCounts(result.getInt("created_count"),
                        result.getInt("updated_count"), result.getInt("skipped_count"),
                        result.getInt("failed_count"), result.getInt("needs_review_count")),
                result.getString("error"), instant(result, "finished_at"), result.getLong("version"),
                instant(result, "created_at"), instant(result, "updated_at"));
    }

    private static Instant instant(ResultSet result, String column) throws SQLException {
        var value = result.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
