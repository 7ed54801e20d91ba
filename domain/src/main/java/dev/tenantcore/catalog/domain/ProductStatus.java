package dev.tenantcore.catalog.domain;

/** An active product can be ordered; an archived one stays readable but cannot. */
public enum ProductStatus {
    ACTIVE,
    ARCHIVED
}
