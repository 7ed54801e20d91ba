package dev.tenantcore.contacts.domain;

import java.util.Optional;

/**
 * Which live contacts a list or a search returns: those of one production, of one department, with or without an
 * email; every part optional (null), all given parts must hold.
 */
public record ContactFilter(ProductionId productionIdOrNull, DepartmentId departmentIdOrNull, Boolean hasEmailOrNull) {
    public static final ContactFilter NONE = new ContactFilter(null, null, null);

    public Optional<ProductionId> productionId() {
        return Optional.ofNullable(productionIdOrNull);
    }

    public Optional<DepartmentId> departmentId() {
        return Optional.ofNullable(departmentIdOrNull);
    }

    public Optional<Boolean> hasEmail() {
        return Optional.ofNullable(hasEmailOrNull);
    }
}
