package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.DuplicatePolicy;
import dev.tenantcore.contacts.domain.ProductionId;
import java.util.Map;
import java.util.Objects;

/**
 * A file to import into the caller's organization.
 *
 * @param mappingOrNull contact field (name, firstName, lastName, email, phone, role, company, department, notes) to
 *     column header; null to detect it from the headers
 * @param productionId the production the contacts join, or null
 */
public record StartImportCommand(String fileName, byte[] content, Map<String, String> mappingOrNull,
        ProductionId productionId, DuplicatePolicy duplicatePolicy, boolean dryRun) {
    public StartImportCommand {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(duplicatePolicy, "duplicatePolicy");
        fileName = fileName == null || fileName.isBlank() ? "upload.csv" : fileName;
    }
}
