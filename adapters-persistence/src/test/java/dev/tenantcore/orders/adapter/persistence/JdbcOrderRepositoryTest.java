package dev.tenantcore.orders.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.orders.domain.Customer;
import dev.tenantcore.orders.domain.Order;
import dev.tenantcore.orders.domain.OrderId;
import dev.tenantcore.orders.domain.OrderLine;
import dev.tenantcore.orders.domain.OrderRepository;
import dev.tenantcore.orders.domain.OrderStatus;
import dev.tenantcore.orders.domain.OrderedProductId;
import dev.tenantcore.shared.adapter.persistence.DatabaseTest;
import dev.tenantcore.shared.adapter.persistence.TestOrganizations;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.PageRequest;
import io.micronaut.data.connection.exceptions.NoConnectionException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OrderRepository port's contract, on real PostgreSQL, connected as the runtime role. */
@MicronautTest(transactional = false)
class JdbcOrderRepositoryTest extends DatabaseTest {
    @Inject
    OrderRepository orders;
    @Inject
    TenantTransactions transactions;
    @Inject
    TestOrganizations organizations;

    OrganizationId organization;

    @BeforeEach
    void createOrganization() {
        organization = organizations.create();
    }

    private <T> T inTenant(Supplier<T> work) {
        return transactions.write(organization, work);
    }

    private Order placed(Customer customer, OrderLine... lines) {
        return inTenant(() -> orders.insert(Order.place(organization, customer, "EUR", List.of(lines),
                Instant.now())));
    }

    private static OrderLine line(int quantity, long price) {
        return new OrderLine(new OrderedProductId(UUID.randomUUID()), quantity, price);
    }

    @Test
    void storesAnOrderWithItsLinesInTheirOrderAndEachKindOfCustomer() {
        var member = placed(new Customer.Member(UUID.randomUUID()), line(2, 2499), line(1, 1000), line(5, 1));
        var contact = placed(new Customer.Contact(UUID.randomUUID()), line(1, 1));
        var email = placed(new Customer.Email("ada@example.com"), line(1, 1));

        for (var order : List.of(member, contact, email)) {
            assertThat(inTenant(() -> orders.findById(organization, order.id()))).contains(order);
        }
        assertThat(member.totalMinor()).isEqualTo(6003);
        var page = inTenant(() -> orders.list(organization, null, PageRequest.first(2)));
        assertThat(page.items()).containsExactly(email, contact);
        assertThat(inTenant(() -> orders.list(organization, null, new PageRequest<>(contact.id(), 2))).items())
                .containsExactly(member);
    }

    @Test
    void changesTheStatusOnlyAtTheStoredVersionAndDeletesWithTheLines() {
        var order = placed(new Customer.Email("ada@example.com"), line(1, 1));

        var confirmed = inTenant(() -> orders.updateStatus(order.movedTo(OrderStatus.CONFIRMED))).orElseThrow();
        assertThat(confirmed.version()).isEqualTo(2);
        assertThat(inTenant(() -> orders.updateStatus(order.movedTo(OrderStatus.CANCELLED)))).isEmpty();
        assertThat(inTenant(() -> orders.list(organization, OrderStatus.CONFIRMED, PageRequest.first(5))).items())
                .containsExactly(confirmed);

        assertThat(inTenant(() -> orders.delete(organization, order.id(), 1))).isFalse();
        assertThat(inTenant(() -> orders.delete(organization, order.id(), 2))).isTrue();
        assertThat(inTenant(() -> orders.findById(organization, order.id()))).isEmpty();
    }

    @Test
    void anotherOrganizationsOrdersAreNotFound() {
        var theirs = placed(new Customer.Email("ada@example.com"), line(1, 1));
        var other = organizations.create();

        assertThat(transactions.read(other, () -> orders.findById(other, theirs.id()))).isEmpty();
        assertThat(transactions.read(other, () -> orders.list(other, null, PageRequest.first(10))).items()).isEmpty();
        assertThatThrownBy(() -> orders.findById(organization, new OrderId(UUID.randomUUID())))
                .as("statements through JdbcOperations run only on a transaction's connection: outside one there "
                        + "is none to run them on").isInstanceOf(NoConnectionException.class);
    }
}
