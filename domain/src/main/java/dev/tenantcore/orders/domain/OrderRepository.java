package dev.tenantcore.orders.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import java.util.Optional;

/** The organization's orders with their lines. Every method runs inside the caller's tenant transaction. */
public interface OrderRepository {

    Order insert(Order order);

    Optional<Order> findById(OrganizationId organizationId, OrderId id);

    /** Newest first, after {@code page.after()}; of one status if given (null: all). */
    Page<Order> list(OrganizationId organizationId, OrderStatus statusOrNull, PageRequest<OrderId> page);

    /** Writes the new status if the stored version is still {@code order.version()}; empty otherwise. */
    Optional<Order> updateStatus(Order order);

    boolean delete(OrganizationId organizationId, OrderId id, long version);
}
