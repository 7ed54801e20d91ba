package dev.tenantcore.contacts.adapter.persistence;

import dev.tenantcore.contacts.domain.Contact;
import dev.tenantcore.contacts.domain.ContactFilter;
import dev.tenantcore.contacts.domain.ContactId;
import dev.tenantcore.contacts.domain.ContactMatch;
import dev.tenantcore.contacts.domain.ContactRepository;
import dev.tenantcore.contacts.domain.ContactSearch;
import dev.tenantcore.contacts.domain.ContactSearchCursor;
import dev.tenantcore.contacts.domain.DepartmentId;
import dev.tenantcore.contacts.domain.JsonFields;
import dev.tenantcore.contacts.domain.ProductionId;
import dev.tenantcore.shared.adapter.persistence.ConstraintViolations;
import dev.tenantcore.shared.adapter.persistence.PersistedIds;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * contacts (migration V10). The tenant statement guard refuses these statements outside the organization's
 * transaction. Lists and search build their SQL from the filters given rather than {@code (? IS NULL OR ...)}: a
 * prepared statement's generic plan cannot pick the right index for "maybe filtered".
 */
@Singleton
final class JdbcContactRepository implements ContactRepository {
    /**
     * How similar (pg_trgm, 0 to 1) a name must be to the search text to match fuzzily. pg_trgm's default, 0.3,
     * misses a transposed pair of letters in a short name ("Jon Smtih" is 0.24 from "John Smith"); ranking puts
     * the closer matches first, so a looser threshold costs only a longer tail.
     */
    static final String SIMILARITY_THRESHOLD = "0.2";
    /** Words of the search text, for the full-text query: letters and digits of any script. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    /**
     * What the database may still refuse in custom fields the domain let through: the size check on jsonb's text
     * (check_violation), text jsonb cannot read (invalid_text_representation, untranslatable_character).
     */
    private static final List<String> REFUSED_JSON = List.of("23514", "22P02", "22P05");

    private final ContactRowRepository rows;
    private final ContactRowMapper mapper;
    private final JdbcOperations jdbc;

    JdbcContactRepository(ContactRowRepository rows, ContactRowMapper mapper, JdbcOperations jdbc) {
        this.rows = rows;
        this.mapper = mapper;
        this.jdbc = jdbc;
    }

    @Override
    public Contact insert(Contact contact) {
        try {
            return mapper.toDomain(rows.insert(contact.organizationId().value(), contact.id().value(), contact.name(),
                    contact.email(), contact.phone(), contact.role(), contact.company(), uuid(contact.departmentId()),
                    uuid(contact.productionId()), contact.notes(), contact.customFields().json(),
                    contact.source().type().name().toLowerCase(Locale.ROOT), contact.source().importIdOrNull(),
                    contact.version()).getFirst());
        } catch (DataAccessException e) {
            throw refusal(e);
        }
    }

    @Override
    public Optional<Contact> findById(OrganizationId organizationId, ContactId id) {
        return rows.find(organizationId.value(), id.value()).map(mapper::toDomain);
    }

    /** A newest-first scan of the primary key, or of contacts_production_idx or contacts_department_idx. */
    @Override
    public Page<Contact> list(OrganizationId organizationId, ContactFilter filter, PageRequest<ContactId> page) {
        var sql = new StringBuilder("SELECT " + ContactRowRepository.COLUMNS
                + " FROM contacts WHERE organization_id = ? AND deleted_at IS NULL AND id < ?");
        var parameters = new ArrayList<>();
        parameters.add(organizationId.value());
        parameters.add(page.after().map(ContactId::value).orElse(PersistedIds.NEWEST));
        appendFilter(filter, sql, parameters);
        sql.append(" ORDER BY id DESC LIMIT ?");
        parameters.add(page.limit() + 1);
        return Page.fromOverfetch(query(sql.toString(), parameters, false).stream()
                .map(match -> match.contact()).toList(), page.limit());
    }

    /** contacts_deleted_idx holds only the trash. */
    @Override
    public Page<Contact> listDeleted(OrganizationId organizationId, Instant deletedAfter,
            PageRequest<ContactId> page) {
        var sql = "SELECT " + ContactRowRepository.COLUMNS + """
                 FROM contacts WHERE organization_id = ? AND deleted_at > ? AND id < ?
                ORDER BY id DESC LIMIT ?""";
        var parameters = List.<Object>of(organizationId.value(), OffsetDateTime.ofInstant(deletedAfter, ZoneOffset.UTC),
                page.after().map(ContactId::value).orElse(PersistedIds.NEWEST), page.limit() + 1);
        return Page.fromOverfetch(query(sql, parameters, false).stream().map(match -> match.contact()).toList(),
                page.limit());
    }

    /**
     * Matches are contacts whose accent-folded name (search_name) is similar to the text (the trigram operator,
     * for contacts_name_trgm_idx), or whose search document holds every word of it, each also as a prefix (for
     * contacts_search_idx; migration V10 says when row-level security lets the planner use the two). The rank adds the name's similarity to the full-text rank; it is computed the same
     * way on every page, so the cursor's (rank, id) splits the results exactly.
     */
    @Override
    public Page<ContactMatch> search(OrganizationId organizationId, ContactSearch search,
            PageRequest<ContactSearchCursor> page) {
        // The threshold of the % operator is a setting; transaction-local, like the tenant.
        jdbc.prepareStatement("SELECT set_config('pg_trgm.similarity_threshold', ?, true)", statement -> {
            statement.setString(1, SIMILARITY_THRESHOLD);
            return statement.execute();
        });
        var words = WORD.matcher(search.text()).results().map(word -> "'" + word.group() + "':*")
                .collect(Collectors.joining(" & "));
        var parameters = new ArrayList<>();
        var sql = new StringBuilder("SELECT * FROM (SELECT " + ContactRowRepository.COLUMNS + ", ");
        if (words.isEmpty()) {
            sql.append("similarity(search_name, contacts_unaccent(?))::real AS rank");
            parameters.add(search.text());
        } else {
            sql.append("(similarity(search_name, contacts_unaccent(?))"
                    + " + ts_rank(search_document, to_tsquery('simple', contacts_unaccent(?))))::real AS rank");
            parameters.add(search.text());
            parameters.add(words);
        }
        sql.append(" FROM contacts WHERE organization_id = ? AND deleted_at IS NULL");
        parameters.add(organizationId.value());
        sql.append(" AND (search_name % contacts_unaccent(?)");
        parameters.add(search.text());
        if (!words.isEmpty()) {
            sql.append(" OR search_document @@ to_tsquery('simple', contacts_unaccent(?))");
            parameters.add(words);
        }
        sql.append(")");
        appendFilter(search.filter(), sql, parameters);
        sql.append(") ranked");
        page.after().ifPresent(after -> {
            sql.append(" WHERE (rank, id) < (CAST(? AS real), ?)");
            parameters.add(after.rank());
            parameters.add(after.id().value());
        });
        sql.append(" ORDER BY rank DESC, id DESC LIMIT ?");
        parameters.add(page.limit() + 1);
        return Page.fromOverfetch(query(sql.toString(), parameters, true), page.limit());
    }

    private static void appendFilter(ContactFilter filter, StringBuilder sql, List<Object> parameters) {
        filter.productionId().ifPresent(productionId -> {
            sql.append(" AND production_id = ?");
            parameters.add(productionId.value());
        });
        filter.departmentId().ifPresent(departmentId -> {
            sql.append(" AND department_id = ?");
            parameters.add(departmentId.value());
        });
        filter.hasEmail().ifPresent(hasEmail -> sql.append(hasEmail ? " AND email IS NOT NULL" : " AND email IS NULL"));
    }

    /** The rows of a list (rank 0) or a search (its rank column). */
    private List<ContactMatch> query(String sql, List<Object> parameters, boolean ranked) {
        return jdbc.prepareStatement(sql, statement -> {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            var found = new ArrayList<ContactMatch>();
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    found.add(new ContactMatch(mapper.toDomain(ContactRow.read(result)),
                            ranked ? result.getFloat("rank") : 0));
                }
            }
            return found;
        });
    }

    @Override
    public Optional<Contact> update(Contact contact) {
        try {
            return rows.updateIfVersion(contact.organizationId().value(), contact.id().value(), contact.version(),
                    contact.name(), contact.email(), contact.phone(), contact.role(), contact.company(),
                    uuid(contact.departmentId()), uuid(contact.productionId()), contact.notes(),
                    contact.customFields().json(), contact.deletedAt()).stream().findFirst().map(mapper::toDomain);
        } catch (DataAccessException e) {
            throw refusal(e);
        }
    }

    @Override
    public int purgeDeletedBefore(OrganizationId organizationId, Instant cutoff) {
        return rows.purgeDeletedBefore(organizationId.value(), cutoff);
    }

    /**
     * One statement and one round trip per chunk, whatever its size: columns sent as arrays and unnested (COPY is
     * refused under row-level security). The imported contacts' custom fields are empty, their version 1.
     */
    @Override
    public void insertAll(List<Contact> contacts) {
        if (contacts.isEmpty()) {
            return;
        }
        var organizationId = contacts.getFirst().organizationId();
        if (contacts.stream().anyMatch(contact -> !contact.organizationId().equals(organizationId))) {
            throw new IllegalArgumentException("contacts of one organization at a time");
        }
        try {
            jdbc.prepareStatement("""
                    INSERT INTO contacts (organization_id, id, name, email, phone, role, company, department_id,
                                          production_id, notes, custom_fields, source, import_id)
                    SELECT ?, c.id, c.name, c.email, c.phone, c.role, c.company, c.department_id, c.production_id,
                           c.notes, c.custom_fields::jsonb, c.source, c.import_id
                    FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::uuid[],
                                ?::uuid[], ?::text[], ?::text[], ?::text[], ?::uuid[])
                         c (id, name, email, phone, role, company, department_id, production_id, notes,
                            custom_fields, source, import_id)""", statement -> {
                var connection = statement.getConnection();
                statement.setObject(1, organizationId.value());
                statement.setArray(2, connection.createArrayOf("uuid", column(contacts, c -> c.id().value())));
                statement.setArray(3, connection.createArrayOf("text", column(contacts, Contact::name)));
                statement.setArray(4, connection.createArrayOf("text", column(contacts, Contact::email)));
                statement.setArray(5, connection.createArrayOf("text", column(contacts, Contact::phone)));
                statement.setArray(6, connection.createArrayOf("text", column(contacts, Contact::role)));
                statement.setArray(7, connection.createArrayOf("text", column(contacts, Contact::company)));
                statement.setArray(8, connection.createArrayOf("uuid",
                        column(contacts, c -> uuid(c.departmentId()))));
                statement.setArray(9, connection.createArrayOf("uuid",
                        column(contacts, c -> uuid(c.productionId()))));
                statement.setArray(10, connection.createArrayOf("text", column(contacts, Contact::notes)));
                statement.setArray(11, connection.createArrayOf("text",
                        column(contacts, c -> c.customFields().json())));
                statement.setArray(12, connection.createArrayOf("text",
                        column(contacts, c -> c.source().type().name().toLowerCase(Locale.ROOT))));
                statement.setArray(13, connection.createArrayOf("uuid",
                        column(contacts, c -> c.source().importIdOrNull())));
                return statement.executeUpdate();
            });
        } catch (DataAccessException e) {
            throw refusal(e);
        }
    }

    private static Object[] column(List<Contact> contacts, java.util.function.Function<Contact, Object> value) {
        return contacts.stream().map(value).toArray();
    }

    /** One batch: a round trip per chunk, not per contact. */
    @Override
    public void updateAll(List<Contact> contacts) {
        if (contacts.isEmpty()) {
            return;
        }
        try {
            jdbc.prepareStatement("""
                    UPDATE contacts
                    SET name = ?, email = ?, phone = ?, role = ?, company = ?, department_id = ?, production_id = ?,
                        notes = ?, custom_fields = CAST(? AS jsonb), version = version + 1
                    WHERE organization_id = ? AND id = ?""", statement -> {
                for (var contact : contacts) {
                    statement.setString(1, contact.name());
                    statement.setString(2, contact.email());
                    statement.setString(3, contact.phone());
                    statement.setString(4, contact.role());
                    statement.setString(5, contact.company());
                    statement.setObject(6, uuid(contact.departmentId()));
                    statement.setObject(7, uuid(contact.productionId()));
                    statement.setString(8, contact.notes());
                    statement.setString(9, contact.customFields().json());
                    statement.setObject(10, contact.organizationId().value());
                    statement.setObject(11, contact.id().value());
                    statement.addBatch();
                }
                return statement.executeBatch();
            });
        } catch (DataAccessException e) {
            throw refusal(e);
        }
    }

    /**
     * contacts_production_email_text_idx: the emails as text (stored in lower case), whose equality row-level
     * security lets an index use, unlike citext's (migration V12).
     */
    @Override
    public List<Contact> findLiveByEmails(OrganizationId organizationId, ProductionId productionId,
            Collection<String> emails) {
        var sql = "SELECT " + ContactRowRepository.COLUMNS + " FROM contacts WHERE organization_id = ? AND "
                + (productionId == null ? "production_id IS NULL" : "production_id = ?")
                + " AND deleted_at IS NULL AND email IS NOT NULL AND email::text = ANY (?::text[])";
        return jdbc.prepareStatement(sql, statement -> {
            int index = 1;
            statement.setObject(index++, organizationId.value());
            if (productionId != null) {
                statement.setObject(index++, productionId.value());
            }
            statement.setArray(index, statement.getConnection().createArrayOf("text", emails.toArray()));
            var found = new ArrayList<Contact>();
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    found.add(mapper.toDomain(ContactRow.read(result)));
                }
            }
            return found;
        });
    }

    /**
     * The composite foreign keys (organization_id, department_id) and (organization_id, production_id) are what
     * check the references: they also refuse another organization's department or production, which a check by id
     * alone would accept.
     */
    private static RuntimeException refusal(DataAccessException failure) {
        if (ConstraintViolations.isForeignKeyViolation(failure, "contacts_department_fkey")) {
            return new InvariantViolationException("departmentId", Contact.UNKNOWN_DEPARTMENT);
        }
        if (ConstraintViolations.isForeignKeyViolation(failure, "contacts_production_fkey")) {
            return new InvariantViolationException("productionId", Contact.UNKNOWN_PRODUCTION);
        }
        if (ConstraintViolations.isUniqueViolation(failure, "contacts_production_email_key")) {
            return new ConflictException(Contact.EMAIL_TAKEN);
        }
        if (REFUSED_JSON.stream().anyMatch(state -> ConstraintViolations.hasSqlState(failure, state))) {
            return new InvariantViolationException("customFields", "customFields must be a JSON object of at most "
                    + JsonFields.MAX_LENGTH + " characters");
        }
        return failure;
    }

    private static UUID uuid(DepartmentId id) {
        return id == null ? null : id.value();
    }

    private static UUID uuid(ProductionId id) {
        return id == null ? null : id.value();
    }
}
