package dev.tenantcore.orders.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.catalog.application.ProductReservations;
import dev.tenantcore.catalog.domain.Money;
import dev.tenantcore.catalog.domain.ProductId;
import dev.tenantcore.catalog.domain.StockReservation;
import dev.tenantcore.orders.domain.Customer;
import dev.tenantcore.orders.domain.Order;
import dev.tenantcore.orders.domain.OrderId;
import dev.tenantcore.orders.domain.OrderPermissions;
import dev.tenantcore.orders.domain.OrderRepository;
import dev.tenantcore.orders.domain.OrderStatus;
import dev.tenantcore.orders.domain.OrderedProductId;
import dev.tenantcore.shared.application.FakeTenantTransactions;
import dev.tenantcore.shared.application.FakeTenantTransactions.Outcome;
import dev.tenantcore.shared.application.FixedCurrentTenant;
import dev.tenantcore.shared.domain.AccessDeniedException;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.ExpectedVersion;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderServiceTest {
    private final OrganizationId tenant = OrganizationId.generate();
    private final FakeTenantTransactions transactions = new FakeTenantTransactions();
    private final Stock stock = new Stock();
    private final StoredOrders orders = new StoredOrders();
    private final OrderService service = new OrderService(orders, stock, transactions,
            FixedCurrentTenant.of(tenant).withOnly(OrderPermissions.READ, OrderPermissions.WRITE),
            Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC));

    /** Products by id with a price and a stock; records the order in which they are asked for. */
    private static final class Stock implements ProductReservations {
        final Map<ProductId, Integer> units = new HashMap<>();
        final Map<ProductId, Money> prices = new HashMap<>();
        final List<ProductId> reserved = new ArrayList<>();
        final List<ProductId> released = new ArrayList<>();

        OrderedProductId add(long price, String currency, int count) {
            var id = new ProductId(UUID.randomUUID());
            units.put(id, count);
            prices.put(id, new Money(price, currency));
            return new OrderedProductId(id.value());
        }

        @Override
        public StockReservation reserve(OrganizationId organizationId, ProductId id, int quantity) {
            reserved.add(id);
            if (!units.containsKey(id)) {
                return new StockReservation.NotOrderable();
            }
            if (units.get(id) < quantity) {
                return new StockReservation.InsufficientStock(units.get(id));
            }
            units.merge(id, -quantity, Integer::sum);
            return new StockReservation.Reserved(prices.get(id));
        }

        @Override
        public void release(OrganizationId organizationId, ProductId id, int quantity) {
            released.add(id);
            units.merge(id, quantity, Integer::sum);
        }
    }

    private static final class StoredOrders implements OrderRepository {
        final Map<OrderId, Order> stored = new HashMap<>();

        @Override
        public Order insert(Order order) {
            stored.put(order.id(), order);
            return order;
        }

        @Override
        public Optional<Order> findById(OrganizationId organizationId, OrderId id) {
            return Optional.ofNullable(stored.get(id)).filter(order -> order.organizationId().equals(organizationId));
        }

        @Override
        public Page<Order> list(OrganizationId organizationId, OrderStatus statusOrNull, PageRequest<OrderId> page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Order> updateStatus(Order order) {
            var updated = Order.reconstitute(order.id(), order.organizationId(), order.customer(), order.currency(),
                    order.lines(), order.status(), order.version() + 1, order.createdAt(), order.updatedAt());
            stored.put(order.id(), updated);
            return Optional.of(updated);
        }

        @Override
        public boolean delete(OrganizationId organizationId, OrderId id, long version) {
            return stored.remove(id) != null;
        }
    }

    private static PlaceOrderCommand command(Object... productAndQuantity) {
        var lines = new ArrayList<PlaceOrderCommand.Line>();
        for (int i = 0; i < productAndQuantity.length; i += 2) {
            lines.add(new PlaceOrderCommand.Line((OrderedProductId) productAndQuantity[i],
                    (Integer) productAndQuantity[i + 1]));
        }
        return new PlaceOrderCommand(new Customer.Email("ada@example.com"), lines);
    }

    @Test
    void linesReserveInProductIdOrderWhateverTheOrderTheClientListedThem() {
        var products = new ArrayList<OrderedProductId>();
        for (int i = 0; i < 5; i++) {
            products.add(stock.add(100, "EUR", 10));
        }
        var shuffled = List.of(products.get(3), products.get(0), products.get(4), products.get(1), products.get(2));

        var order = service.place(command(shuffled.get(0), 1, shuffled.get(1), 1, shuffled.get(2), 1,
                shuffled.get(3), 1, shuffled.get(4), 1));

        assertThat(stock.reserved).extracting(ProductId::value)
                .containsExactlyElementsOf(products.stream().map(OrderedProductId::value).sorted().toList());
        assertThat(order.lines()).extracting(line -> line.productId()).containsExactlyElementsOf(shuffled);
        assertThat(order.totalMinor()).isEqualTo(500);
        assertThat(transactions.onlyTransaction().outcome()).isEqualTo(Outcome.COMMITTED);
    }

    @Test
    void aLineThatFailsRollsTheWholeOrderBack() {
        var plenty = stock.add(100, "EUR", 10);
        var scarce = stock.add(100, "EUR", 1);
        var dollars = stock.add(100, "USD", 10);

        assertThatThrownBy(() -> service.place(command(plenty, 2, scarce, 2))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("1 left, 2 ordered");
        assertThatThrownBy(() -> service.place(command(plenty, 1, dollars, 1)))
                .isInstanceOf(InvariantViolationException.class).hasMessageContaining("one currency");
        assertThatThrownBy(() -> service.place(command(plenty, 1, new OrderedProductId(UUID.randomUUID()), 1)))
                .isInstanceOf(InvariantViolationException.class);

        assertThat(transactions.transactions()).extracting(transaction -> transaction.outcome())
                .containsOnly(Outcome.ROLLED_BACK);
        assertThat(orders.stored).isEmpty();
    }

    @Test
    void cancellingReleasesEachLineOnceAndOnlyAllowedMovesHappen() {
        var mug = stock.add(800, "EUR", 5);
        var order = service.place(command(mug, 3));

        assertThatThrownBy(() -> service.changeStatus(order.id(), ExpectedVersion.ANY,
                OrderStatus.DELIVERED)).isInstanceOf(ConflictException.class).hasMessage(
                "the order is pending; it cannot become delivered");
        var cancelled = service.changeStatus(order.id(), ExpectedVersion.ANY,
                OrderStatus.CANCELLED);

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(stock.released).hasSize(1);
        assertThat(stock.units.get(new ProductId(mug.value()))).isEqualTo(5);
        service.delete(order.id(), ExpectedVersion.ANY);
        assertThat(stock.released).as("a cancelled order has nothing left to give back").hasSize(1);
    }

    @Test
    void withoutThePermissionNothingIsReserved() {
        var mug = stock.add(800, "EUR", 5);
        var readOnly = new OrderService(orders, stock, transactions,
                FixedCurrentTenant.of(tenant).withOnly(OrderPermissions.READ), Clock.systemUTC());

        assertThatThrownBy(() -> readOnly.place(command(mug, 1))).isInstanceOf(AccessDeniedException.class);
        assertThat(stock.reserved).isEmpty();
        assertThat(transactions.transactions()).isEmpty();
    }
}
