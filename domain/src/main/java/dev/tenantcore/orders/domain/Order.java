package dev.tenantcore.orders.domain;

import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An order of an organization: a customer, lines in one currency, a total the order computes itself, and a status
 * that moves only along {@link OrderStatus#canBecome}. Immutable; {@link #reconstitute} is how storage brings one
 * back.
 */
public record Order(
        OrderId id,
        OrganizationId organizationId,
        Customer customer,
        String currency,
        List<OrderLine> lines,
        OrderStatus status,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static final int MAX_LINES = 100;

    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(currency, "currency");
        lines = List.copyOf(lines);
        if (lines.isEmpty() || lines.size() > MAX_LINES) {
            throw new InvariantViolationException("lines", "an order has 1 to " + MAX_LINES + " lines");
        }
        var products = new HashSet<OrderedProductId>();
        for (var line : lines) {
            if (!products.add(line.productId())) {
                throw new InvariantViolationException("lines", "each product appears on one line of an order");
            }
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        totalOf(lines);
    }

    public static Order place(OrganizationId organizationId, Customer customer, String currency,
            List<OrderLine> lines, Instant now) {
        return new Order(OrderId.generate(), organizationId, customer, currency, lines, OrderStatus.PENDING, 1, now,
                now);
    }

    public static Order reconstitute(OrderId id, OrganizationId organizationId, Customer customer, String currency,
            List<OrderLine> lines, OrderStatus status, long version, Instant createdAt, Instant updatedAt) {
        return new Order(id, organizationId, customer, currency, lines, status, version, createdAt, updatedAt);
    }

    public long totalMinor() {
        return totalOf(lines);
    }

    /** The order in its next status; a move the status machine does not allow is a conflict naming the current. */
    public Order movedTo(OrderStatus next) {
        if (!status.canBecome(next)) {
            throw new ConflictException("the order is " + name(status) + "; it cannot become " + name(next));
        }
        return new Order(id, organizationId, customer, currency, lines, next, version, createdAt, updatedAt);
    }

    private static String name(OrderStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private static long totalOf(List<OrderLine> lines) {
        try {
            return lines.stream().mapToLong(OrderLine::totalMinor).reduce(0, Math::addExact);
        } catch (ArithmeticException e) {
            throw new InvariantViolationException("lines", "the order's total is too large");
        }
    }
}
