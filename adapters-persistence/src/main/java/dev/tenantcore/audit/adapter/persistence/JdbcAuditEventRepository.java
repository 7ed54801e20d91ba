package dev.tenantcore.audit.adapter.persistence;

import dev.tenantcore.audit.domain.AuditEvent;
import dev.tenantcore.audit.domain.AuditEventFilter;
import dev.tenantcore.audit.domain.AuditEventPosition;
import dev.tenantcore.audit.domain.AuditEventRepository;
import dev.tenantcore.shared.adapter.persistence.TenantSession;
import dev.tenantcore.shared.domain.Actor;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Reads audit_events (migration V3). The SQL is built per combination of filters, as for tasks: a generic plan
 * cannot choose the right index for "maybe filtered". Every variant scans an index that leads with
 * organization_id (the primary key, or the entity or actor index) in the log's order, (occurred_at, id), and the
 * time bounds prune whole monthly partitions.
 */
@Singleton
final class JdbcAuditEventRepository implements AuditEventRepository {
    /** Rows fetched per round trip when exporting: pgjdbc then reads through a cursor instead of all at once. */
    static final int EXPORT_FETCH_SIZE = 500;

    private final JdbcOperations jdbc;

    JdbcAuditEventRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Page<AuditEvent> list(OrganizationId organizationId, AuditEventFilter filter,
            PageRequest<AuditEventPosition> page) {
        TenantSession.require(organizationId);
        var query = Query.matching(organizationId, filter);
        page.after().ifPresent(after -> query.and("(occurred_at, id) < (?, ?)", utc(after.occurredAt()), after.id()));
        query.sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT ?");
        query.parameters.add(page.limit() + 1);
        List<AuditEvent> found = jdbc.prepareStatement(query.sql.toString(), statement -> {
            query.bind(statement);
            var events = new ArrayList<AuditEvent>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(toEvent(rows));
                }
            }
            return events;
        });
        return Page.fromOverfetch(found, page.limit());
    }

    /**
     * One query, so one snapshot, read {@value #EXPORT_FETCH_SIZE} rows at a time through the driver's cursor
     * (it needs the open transaction the caller holds).
     */
    @Override
    public void forEach(OrganizationId organizationId, AuditEventFilter filter, Consumer<AuditEvent> sink) {
        TenantSession.require(organizationId);
        var query = Query.matching(organizationId, filter);
        query.sql.append(" ORDER BY occurred_at, id");
        jdbc.prepareStatement(query.sql.toString(), statement -> {
            statement.setFetchSize(EXPORT_FETCH_SIZE);
            query.bind(statement);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    sink.accept(toEvent(rows));
                }
            }
            return null;
        });
    }

    private static AuditEvent toEvent(ResultSet rows) throws SQLException {
        var actorId = rows.getObject("actor_id", UUID.class);
        var actorType = Actor.Type.fromCode(rows.getString("actor_type"));
        return new AuditEvent(
                new OrganizationId(rows.getObject("organization_id", UUID.class)),
                rows.getObject("id", UUID.class),
                rows.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                new Actor(actorType, actorId),
                rows.getString("action"),
                rows.getString("entity_type"),
                rows.getObject("entity_id", UUID.class),
                rows.getString("old_values"),
                rows.getString("new_values"),
                rows.getString("request_id"),
                rows.getString("client_address"),
                rows.getString("user_agent"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A SELECT over audit_events and its parameters, one predicate per given filter. */
    private static final class Query {
        final StringBuilder sql = new StringBuilder("SELECT * FROM audit_events WHERE organization_id = ?");
        final List<Object> parameters = new ArrayList<>();

        static Query matching(OrganizationId organizationId, AuditEventFilter filter) {
            var query = new Query();
            query.parameters.add(organizationId.value());
            filter.entityType().ifPresent(type -> query.and("entity_type = ?", type));
            filter.entityId().ifPresent(id -> query.and("entity_id = ?", id));
            filter.actorId().ifPresent(id -> query.and("actor_id = ?", id));
            filter.action().ifPresent(action -> query.and("action = ?", action));
            filter.from().ifPresent(from -> query.and("occurred_at >= ?", utc(from)));
            filter.to().ifPresent(to -> query.and("occurred_at < ?", utc(to)));
            return query;
        }

        void and(String predicate, Object... values) {
            sql.append(" AND ").append(predicate);
            parameters.addAll(List.of(values));
        }

        void bind(PreparedStatement statement) throws SQLException {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
        }
    }
}
