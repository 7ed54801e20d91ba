package dev.tenantcore.orders.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static OrderLine line(int quantity, long price) {
        return new OrderLine(new OrderedProductId(UUID.randomUUID()), quantity, price);
    }

    private static Order order(List<OrderLine> lines) {
        return Order.place(OrganizationId.generate(), new Customer.Email("ada@example.com"), "EUR", lines, NOW);
    }

    @Test
    void theTotalIsTheSumOfTheLinesInMinorUnits() {
        assertThat(order(List.of(line(2, 2499), line(1, 1000))).totalMinor()).isEqualTo(5998);
        assertThatThrownBy(() -> order(List.of(line(2, Long.MAX_VALUE / 2 + 1))))
                .isInstanceOf(InvariantViolationException.class).hasMessageContaining("too large");
    }

    @Test
    void linesHavePositiveQuantitiesAndEachProductOnce() {
        assertThatThrownBy(() -> line(0, 1)).isInstanceOf(InvariantViolationException.class);
        assertThatThrownBy(() -> order(List.of())).isInstanceOf(InvariantViolationException.class);
        var once = line(1, 1);
        assertThatThrownBy(() -> order(List.of(once, new OrderLine(once.productId(), 2, 1))))
                .isInstanceOf(InvariantViolationException.class);
    }

    @Test
    void theStatusMovesForwardAndCancelsUntilShipped() {
        var pending = order(List.of(line(1, 1)));
        var confirmed = pending.movedTo(OrderStatus.CONFIRMED);
        var shipped = confirmed.movedTo(OrderStatus.SHIPPED);

        assertThat(shipped.movedTo(OrderStatus.DELIVERED).status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(pending.movedTo(OrderStatus.CANCELLED).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(confirmed.movedTo(OrderStatus.CANCELLED).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThatThrownBy(() -> shipped.movedTo(OrderStatus.CANCELLED)).isInstanceOf(ConflictException.class)
                .hasMessage("the order is shipped; it cannot become cancelled");
        assertThatThrownBy(() -> pending.movedTo(OrderStatus.SHIPPED)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> confirmed.movedTo(OrderStatus.PENDING)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aCustomerIsExactlyOneReference() {
        assertThat(Customer.of(UUID.randomUUID(), null, null)).isInstanceOf(Customer.Member.class);
        assertThat(Customer.of(null, null, " ada@example.com ")).isEqualTo(new Customer.Email("ada@example.com"));
        assertThatThrownBy(() -> Customer.of(null, null, null)).isInstanceOf(InvariantViolationException.class);
        assertThatThrownBy(() -> Customer.of(UUID.randomUUID(), UUID.randomUUID(), null))
                .isInstanceOf(InvariantViolationException.class);
        assertThatThrownBy(() -> Customer.of(null, null, "no address")).isInstanceOf(InvariantViolationException.class);
    }
}
