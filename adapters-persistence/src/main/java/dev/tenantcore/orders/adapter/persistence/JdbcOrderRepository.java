package dev.tenantcore.orders.adapter.persistence;

import dev.tenantcore.orders.domain.Customer;
import dev.tenantcore.orders.domain.Order;
import dev.tenantcore.orders.domain.OrderId;
import dev.tenantcore.orders.domain.OrderLine;
import dev.tenantcore.orders.domain.OrderRepository;
import dev.tenantcore.orders.domain.OrderStatus;
import dev.tenantcore.orders.domain.OrderedProductId;
import dev.tenantcore.shared.adapter.persistence.PersistedIds;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * orders and order_lines (migration V14). The tenant statement guard refuses these statements outside the
 * organization's transaction; every statement names the organization. Lines are written in one multi-row INSERT
 * (unnest of arrays) and read for a whole page in one statement: no statement per order.
 */
@Singleton
final class JdbcOrderRepository implements OrderRepository {
    private static final String COLUMNS = "organization_id, id, customer_user_id, customer_contact_id, "
            + "customer_email, currency, status, version, created_at, updated_at";

    private final JdbcOperations jdbc;

    JdbcOrderRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    private record Head(OrderId id, OrganizationId organizationId, Customer customer, String currency,
            OrderStatus status, long version, Instant createdAt, Instant updatedAt) {

        Order with(List<OrderLine> lines) {
            return Order.reconstitute(id, organizationId, customer, currency, lines, status, version, createdAt,
                    updatedAt);
        }
    }

    @Override
    public Order insert(Order order) {
        var head = jdbc.prepareStatement("""
                INSERT INTO orders (organization_id, id, customer_user_id, customer_contact_id, customer_email,
                                    currency, total_minor, status, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                RETURNING\s""" + COLUMNS, statement -> {
            statement.setObject(1, order.organizationId().value());
            statement.setObject(2, order.id().value());
            customer(statement, 3, order.customer());
            statement.setString(6, order.currency());
            statement.setLong(7, order.totalMinor());
            statement.setString(8, status(order.status()));
            statement.setLong(9, order.version());
            return heads(statement).getFirst();
        });
        var lines = order.lines();
        jdbc.prepareStatement("""
                INSERT INTO order_lines (organization_id, order_id, line_number, product_id, quantity, unit_price_minor)
                SELECT ?, ?, line.number, line.product_id, line.quantity, line.unit_price_minor
                FROM unnest(?::uuid[], ?::integer[], ?::bigint[]) WITH ORDINALITY
                     AS line (product_id, quantity, unit_price_minor, number)""", statement -> {
            statement.setObject(1, order.organizationId().value());
            statement.setObject(2, order.id().value());
            var connection = statement.getConnection();
            statement.setArray(3, connection.createArrayOf("uuid",
                    lines.stream().map(line -> line.productId().value()).toArray()));
            statement.setArray(4, connection.createArrayOf("integer",
                    lines.stream().map(OrderLine::quantity).toArray()));
            statement.setArray(5, connection.createArrayOf("bigint",
                    lines.stream().map(OrderLine::unitPriceMinor).toArray()));
            return statement.executeUpdate();
        });
        return head.with(lines);
    }

    @Override
    public Optional<Order> findById(OrganizationId organizationId, OrderId id) {
        var found = jdbc.prepareStatement("SELECT " + COLUMNS + " FROM orders WHERE organization_id = ? AND id = ?",
                statement -> {
                    statement.setObject(1, organizationId.value());
                    statement.setObject(2, id.value());
                    return heads(statement);
                });
        return withLines(organizationId, found).stream().findFirst();
    }

    @Override
    public Page<Order> list(OrganizationId organizationId, OrderStatus statusOrNull, PageRequest<OrderId> page) {
        var sql = "SELECT " + COLUMNS + " FROM orders WHERE organization_id = ? AND id < ?"
                + (statusOrNull == null ? "" : " AND status = ?") + " ORDER BY id DESC LIMIT ?";
        var found = jdbc.prepareStatement(sql, statement -> {
            int i = 1;
            statement.setObject(i++, organizationId.value());
            statement.setObject(i++, page.after().map(OrderId::value).orElse(PersistedIds.NEWEST));
            if (statusOrNull != null) {
                statement.setString(i++, status(statusOrNull));
            }
            statement.setInt(i, page.limit() + 1);
            return heads(statement);
        });
        return Page.fromOverfetch(withLines(organizationId, found), page.limit());
    }

    @Override
    public Optional<Order> updateStatus(Order order) {
        var updated = jdbc.prepareStatement("""
                UPDATE orders SET status = ?, version = version + 1
                WHERE organization_id = ? AND id = ? AND version = ?
                RETURNING\s""" + COLUMNS, statement -> {
            statement.setString(1, status(order.status()));
            statement.setObject(2, order.organizationId().value());
            statement.setObject(3, order.id().value());
            statement.setLong(4, order.version());
            return heads(statement);
        });
        return updated.stream().findFirst().map(head -> head.with(order.lines()));
    }

    @Override
    public boolean delete(OrganizationId organizationId, OrderId id, long version) {
        return jdbc.prepareStatement("DELETE FROM orders WHERE organization_id = ? AND id = ? AND version = ?",
                statement -> {
                    statement.setObject(1, organizationId.value());
                    statement.setObject(2, id.value());
                    statement.setLong(3, version);
                    return statement.executeUpdate();
                }) == 1;
    }

    /** The lines of all the given orders in one statement, in their line order. */
    private List<Order> withLines(OrganizationId organizationId, List<Head> heads) {
        if (heads.isEmpty()) {
            return List.of();
        }
        var lines = new HashMap<UUID, List<OrderLine>>();
        jdbc.prepareStatement("""
                SELECT order_id, product_id, quantity, unit_price_minor FROM order_lines
                WHERE organization_id = ? AND order_id = ANY (?) ORDER BY order_id, line_number""", statement -> {
            statement.setObject(1, organizationId.value());
            statement.setArray(2, statement.getConnection().createArrayOf("uuid",
                    heads.stream().map(head -> head.id().value()).toArray()));
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    lines.computeIfAbsent(result.getObject(1, UUID.class), order -> new ArrayList<>())
                            .add(new OrderLine(new OrderedProductId(result.getObject(2, UUID.class)), result.getInt(3),
                                    result.getLong(4)));
                }
            }
            return null;
        });
        return heads.stream().map(head -> head.with(lines.getOrDefault(head.id().value(), List.of()))).toList();
    }

    private static List<Head> heads(PreparedStatement statement) throws SQLException {
        var found = new ArrayList<Head>();
        try (var result = statement.executeQuery()) {
            while (result.next()) {
                found.add(head(result));
            }
        }
        return found;
    }

    private static Head head(ResultSet row) throws SQLException {
        var userId = row.getObject("customer_user_id", UUID.class);
        var contactId = row.getObject("customer_contact_id", UUID.class);
        Customer customer = userId != null ? new Customer.Member(userId)
                : contactId != null ? new Customer.Contact(contactId)
                : new Customer.Email(row.getString("customer_email"));
        return new Head(new OrderId(row.getObject("id", UUID.class)),
                new OrganizationId(row.getObject("organization_id", UUID.class)), customer, row.getString("currency"),
                OrderStatus.valueOf(row.getString("status").toUpperCase(Locale.ROOT)), row.getLong("version"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static void customer(PreparedStatement statement, int first, Customer customer) throws SQLException {
        var values = new Object[3];
        switch (customer) {
            case Customer.Member(var userId) -> values[0] = userId;
            case Customer.Contact(var contactId) -> values[1] = contactId;
            case Customer.Email(var address) -> values[2] = address;
        }
        statement.setObject(first, values[0], Types.OTHER);
        statement.setObject(first + 1, values[1], Types.OTHER);
        statement.setString(first + 2, (String) values[2]);
    }

    static String status(OrderStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
