package dev.tenantcore.orders.application;

import dev.tenantcore.catalog.application.ProductReservations;
import dev.tenantcore.catalog.domain.ProductId;
import dev.tenantcore.catalog.domain.StockReservation;
import dev.tenantcore.orders.domain.Order;
import dev.tenantcore.orders.domain.OrderId;
import dev.tenantcore.orders.domain.OrderLine;
import dev.tenantcore.orders.domain.OrderPermissions;
import dev.tenantcore.orders.domain.OrderRepository;
import dev.tenantcore.orders.domain.OrderStatus;
import dev.tenantcore.shared.application.CurrentTenant;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.ExpectedVersion;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.shared.domain.ResourceNotFoundException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * The orders' use cases. Stock moves through the catalog's {@link ProductReservations} port inside the order's own
 * transaction: an order that fails on its third line gives back what its first two took, because nothing commits.
 * Lines reserve in product-id order, so two orders for the same products lock them in the same order and never
 * deadlock.
 */
@Singleton
final class OrderService implements PlaceOrderUseCase, GetOrderUseCase, ListOrdersUseCase, ChangeOrderStatusUseCase,
        DeleteOrderUseCase {
    /** The same answer for another organization's product, an archived one and an id that is nobody's. */
    static final String UNKNOWN_PRODUCT = "no product that can be ordered has this id: ";

    private final OrderRepository orders;
    private final ProductReservations reservations;
    private final TenantTransactions transactions;
    private final CurrentTenant currentTenant;
    private final Clock clock;

    OrderService(OrderRepository orders, ProductReservations reservations, TenantTransactions transactions,
            CurrentTenant currentTenant, Clock clock) {
        this.orders = orders;
        this.reservations = reservations;
        this.transactions = transactions;
        this.currentTenant = currentTenant;
        this.clock = clock;
    }

    @Override
    public Order place(PlaceOrderCommand command) {
        currentTenant.require(OrderPermissions.WRITE);
        var organizationId = currentTenant.organizationId();
        if (command.lines().isEmpty() || command.lines().size() > Order.MAX_LINES) {
            throw new InvariantViolationException("lines", "an order has 1 to " + Order.MAX_LINES + " lines");
        }
        var distinct = new HashSet<>();
        for (var line : command.lines()) {
            new OrderLine(line.productId(), line.quantity(), 0); // checks the quantity before anything is reserved
            if (!distinct.add(line.productId())) {
                throw new InvariantViolationException("lines", "each product appears on one line of an order");
            }
        }
        var byProduct = command.lines().stream()
                .sorted(Comparator.comparing(PlaceOrderCommand.Line::productId)).toList();
        return transactions.write(organizationId, () -> {
            String currency = null;
            var lines = new ArrayList<OrderLine>();
            for (var line : byProduct) {
                var reserved = reservations.reserve(organizationId, new ProductId(line.productId().value()),
                        line.quantity());
                switch (reserved) {
                    case StockReservation.Reserved(var price) -> {
                        if (currency != null && !currency.equals(price.currency())) {
                            throw new InvariantViolationException("lines", "the products of an order must have one "
                                    + "currency; this order mixes " + currency + " and " + price.currency());
                        }
                        currency = price.currency();
                        lines.add(new OrderLine(line.productId(), line.quantity(), price.amountMinor()));
                    }
                    case StockReservation.InsufficientStock(var available) -> throw new ConflictException(
                            "not enough stock for product " + line.productId() + ": " + available + " left, "
                                    + line.quantity() + " ordered");
                    case StockReservation.NotOrderable() -> throw new InvariantViolationException("lines",
                            UNKNOWN_PRODUCT + "line " + (command.lines().indexOf(line) + 1));
                }
            }
            // The lines as the client listed them, with the prices of now.
            var ordered = command.lines().stream().map(line -> lines.stream()
                    .filter(priced -> priced.productId().equals(line.productId())).findFirst().orElseThrow()).toList();
            return orders.insert(Order.place(organizationId, command.customer(), currency, ordered,
                    clock.instant()));
        });
    }

    @Override
    public Order get(OrderId id) {
        currentTenant.require(OrderPermissions.READ);
        var organizationId = currentTenant.organizationId();
        return transactions.read(organizationId, () -> load(organizationId, id));
    }

    @Override
    public Page<Order> list(OrderStatus statusOrNull, PageRequest<OrderId> page) {
        currentTenant.require(OrderPermissions.READ);
        var organizationId = currentTenant.organizationId();
        return transactions.read(organizationId, () -> orders.list(organizationId, statusOrNull, page));
    }

    /** Cancelling gives every line's quantity back to its product's stock, in the same transaction. */
    @Override
    public Order changeStatus(OrderId id, ExpectedVersion expectedVersion, OrderStatus next) {
        currentTenant.require(OrderPermissions.WRITE);
        var organizationId = currentTenant.organizationId();
        return transactions.write(organizationId, () -> {
            var current = load(organizationId, id);
            expectedVersion.check(current.version());
            if (current.status() == next) {
                return current;
            }
            var moved = current.movedTo(next);
            if (next == OrderStatus.CANCELLED) {
                release(organizationId, current.lines());
            }
            return orders.updateStatus(moved).orElseThrow(OrderService::concurrentChange);
        });
    }

    /** Only a pending order (its stock returns) or a cancelled one may be deleted: the others are history. */
    @Override
    public void delete(OrderId id, ExpectedVersion expectedVersion) {
        currentTenant.require(OrderPermissions.WRITE);
        var organizationId = currentTenant.organizationId();
        transactions.write(organizationId, () -> {
            var order = load(organizationId, id);
            expectedVersion.check(order.version());
            if (order.status() != OrderStatus.PENDING && order.status() != OrderStatus.CANCELLED) {
                throw new ConflictException("the order is " + order.status().name().toLowerCase(Locale.ROOT)
                        + "; only a pending or cancelled order can be deleted");
            }
            if (order.status().holdsStock()) {
                release(organizationId, order.lines());
            }
            if (!orders.delete(organizationId, id, order.version())) {
                throw concurrentChange();
            }
            return null;
        });
    }

    private void release(OrganizationId organizationId, List<OrderLine> lines) {
        lines.stream().sorted(Comparator.comparing(OrderLine::productId)).forEach(line -> reservations
                .release(organizationId, new ProductId(line.productId().value()), line.quantity()));
    }

    private Order load(OrganizationId organizationId, OrderId id) {
        return orders.findById(organizationId, id).orElseThrow(() -> new ResourceNotFoundException("order"));
    }

    private static ConflictException concurrentChange() {
        return new ConflictException("the order was changed concurrently; retry");
    }
}
