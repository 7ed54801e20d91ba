package dev.tenantcore.catalog.adapter.persistence;

import dev.tenantcore.catalog.domain.ProductId;
import dev.tenantcore.shared.domain.OrganizationId;

/** The organization is part of every key: an entry of one organization is never found under another's. */
record ProductCacheKey(OrganizationId organizationId, ProductId id) {

    /** {@code <prefix><organization>:product:<id>}, the form the design gives every cache key. */
    String redisKey(String prefix) {
        return prefix + organizationId.value() + ":product:" + id.value();
    }
}
