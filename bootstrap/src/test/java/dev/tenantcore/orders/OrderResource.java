package dev.tenantcore.orders;

import dev.tenantcore.orders.domain.OrderPermissions;
import dev.tenantcore.support.CrudResource;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * Registers /v1/orders with the tenant-isolation suite and the permission matrix. An order needs a product of its
 * own organization: each organization gets one, with stock for every order the suites place.
 */
@Factory
final class OrderResource {
    static final String PRODUCT = "{product}";

    @Singleton
    CrudResource orders() {
        return new CrudResource("orders",
                "{\"customerEmail\":\"customer@example.com\",\"lines\":[{\"productId\":\"" + PRODUCT
                        + "\",\"quantity\":1}]}",
                "{\"status\":\"confirmed\"}", OrderPermissions.READ, OrderPermissions.WRITE,
                (api, auth, body) -> {
                    var product = api.post("/v1/products", "{\"sku\":\"ORDERABLE-" + UUID.randomUUID()
                            + "\",\"name\":\"Orderable\",\"priceMinor\":500,\"currency\":\"EUR\",\"stock\":1000000}",
                            auth);
                    if (product.status() != 201) {
                        throw new IllegalStateException("could not create a product to order: " + product);
                    }
                    return body.replace(PRODUCT, product.string("id"));
                });
    }
}
