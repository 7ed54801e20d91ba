package dev.tenantcore.contacts.domain;

import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Text;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A production of an organization (a film, a series): its crew are the contacts that name it. Immutable: a change
 * returns a new value, and the canonical constructor enforces every invariant; {@link #reconstitute} is how storage
 * brings one back. The code is unique within the organization, ignoring case (the database's rule). The dates are
 * optional; when both are given, the end is not before the start.
 */
public record Production(
        ProductionId id,
        OrganizationId organizationId,
        String name,
        String code,
        ProductionStatus status,
        LocalDate startDate,
        LocalDate endDate,
        JsonFields metadata,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static final int NAME_MAX_LENGTH = 200;
    public static final int CODE_MAX_LENGTH = 50;
    public static final String CODE_TAKEN = "another production of the organization has this code";

    public Production {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        name = Text.required("name", name, NAME_MAX_LENGTH);
        code = Text.required("code", code, CODE_MAX_LENGTH);
        Objects.requireNonNull(status, "status");
        if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
            throw new InvariantViolationException("endDate", "endDate must not be before startDate");
        }
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static Production create(OrganizationId organizationId, String name, String code, ProductionStatus status,
            LocalDate startDate, LocalDate endDate, JsonFields metadata, Instant now) {
        return new Production(ProductionId.generate(), organizationId, name, code, status, startDate, endDate,
                metadata, 1, now, now);
    }

    /** A production as storage holds it. */
    public static Production reconstitute(ProductionId id, OrganizationId organizationId, String name, String code,
            ProductionStatus status, LocalDate startDate, LocalDate endDate, JsonFields metadata, long version,
            Instant createdAt, Instant updatedAt) {
        return new Production(id, organizationId, name, code, status, startDate, endDate, metadata, version,
                createdAt, updatedAt);
    }

    /** The production with its editable fields replaced; null dates remove them. */
    public Production revised(String newName, String newCode, ProductionStatus newStatus, LocalDate newStartDate,
            LocalDate newEndDate, JsonFields newMetadata) {
        return new Production(id, organizationId, newName, newCode, newStatus, newStartDate, newEndDate, newMetadata,
                version, createdAt, updatedAt);
    }
}
