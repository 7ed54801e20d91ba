package dev.tenantcore.catalog;

import dev.tenantcore.catalog.domain.ProductPermissions;
import dev.tenantcore.support.CrudResource;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Registers /v1/products with the tenant-isolation suite and the permission matrix. */
@Factory
final class ProductResource {

    @Singleton
    CrudResource products() {
        return new CrudResource("products",
                "{\"sku\":\"SKU-" + CrudResource.UNIQUE + "\",\"name\":\"A product\",\"priceMinor\":1999,"
                        + "\"currency\":\"EUR\",\"stock\":5,\"attributes\":{\"color\":\"red\"}}",
                "{\"name\":\"Renamed\"}", ProductPermissions.READ, ProductPermissions.WRITE);
    }
}
