package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.Contact;
import dev.tenantcore.contacts.domain.ContactDetails;
import dev.tenantcore.contacts.domain.ContactField;
import dev.tenantcore.contacts.domain.ContactImport;
import dev.tenantcore.contacts.domain.ContactRepository;
import dev.tenantcore.contacts.domain.Department;
import dev.tenantcore.contacts.domain.DepartmentId;
import dev.tenantcore.contacts.domain.DepartmentRepository;
import dev.tenantcore.contacts.domain.DuplicatePolicy;
import dev.tenantcore.contacts.domain.ImportCounts;
import dev.tenantcore.contacts.domain.ImportRowError;
import dev.tenantcore.contacts.domain.JsonFields;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.PageRequest;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One chunk of an import's rows: each row checked and turned into a contact (or a line of the error report), the
 * duplicate policy applied by email within the import's production (against the stored contacts and the chunk's
 * earlier rows), then the new contacts inserted in one statement and the changed ones updated in one batch. A dry
 * run stops before the writes. Departments are matched by name, ignoring case; one the organization lacks is
 * created (not in a dry run).
 */
@Singleton
final class ImportChunks {
    private final ContactRepository contacts;
    private final DepartmentRepository departments;
    private final PhoneNumbers phoneNumbers;
    private final Clock clock;

    ImportChunks(ContactRepository contacts, DepartmentRepository departments, PhoneNumbers phoneNumbers,
            Clock clock) {
        this.contacts = contacts;
        this.departments = departments;
        this.phoneNumbers = phoneNumbers;
        this.clock = clock;
    }

    record Outcome(ImportCounts counts, List<ImportRowError> errors) {
    }

    Outcome importRows(ContactImport contactImport, List<ContactSheets.SheetRow> rows) {
        var now = clock.instant();
        var organizationId = contactImport.organizationId();
        var errors = new ArrayList<ImportRowError>();
        var departmentIds = new DepartmentNames(organizationId, contactImport.dryRun(), now);
        var candidates = new ArrayList<Candidate>();
        for (var row : rows) {
            var candidate = candidate(contactImport, row, departmentIds, errors);
            if (candidate != null) {
                candidates.add(candidate);
            }
        }
        var emails = candidates.stream().map(candidate -> candidate.contact().email()).filter(Objects::nonNull)
                .distinct().toList();
        var stored = new HashMap<String, Contact>();
        if (!emails.isEmpty()) {
            contacts.findLiveByEmails(organizationId, contactImport.productionId(), emails)
                    .forEach(found -> stored.put(found.email(), found));
        }
        var inserts = new LinkedHashMap<Object, Contact>();
        var updates = new LinkedHashMap<Object, Contact>();
        var pendingByEmail = new HashMap<String, Contact>();
        int updated = 0;
        int skipped = 0;
        for (var candidate : candidates) {
            var contact = candidate.contact();
            var email = contact.email();
            var earlier = email == null ? null : pendingByEmail.get(email);
            var existing = earlier != null ? earlier : email == null ? null : stored.get(email);
            if (existing == null) {
                inserts.put(contact.id(), contact);
                if (email != null) {
                    pendingByEmail.put(email, contact);
                }
                continue;
            }
            switch (contactImport.duplicatePolicy()) {
                case SKIP -> skipped++;
                case CREATE -> errors.add(new ImportRowError(candidate.line(), "email", email, earlier != null
                        ? "an earlier row of the file has this email (duplicate policy create)"
                        : Contact.EMAIL_TAKEN + " (duplicate policy create)"));
                case UPDATE -> {
                    var merged = existing.revised(merged(existing.details(), contact.details()));
                    if (inserts.containsKey(merged.id())) {
                        inserts.put(merged.id(), merged);
                    } else {
                        updates.put(merged.id(), merged);
                    }
                    pendingByEmail.put(email, merged);
                    updated++;
                }
            }
        }
        if (!contactImport.dryRun()) {
            contacts.insertAll(List.copyOf(inserts.values()));
            contacts.updateAll(List.copyOf(updates.values()));
        }
        errors.sort(java.util.Comparator.comparingInt(ImportRowError::row));
        return new Outcome(new ImportCounts(inserts.size(), updated, skipped, errors.size(), 0), errors);
    }

    private record Candidate(int line, Contact contact) {
    }

    private Candidate candidate(ContactImport contactImport, ContactSheets.SheetRow row, DepartmentNames departmentIds,
            List<ImportRowError> errors) {
        var cells = new Cells(contactImport.mapping(), row);
        var name = cells.get(ContactField.NAME);
        if (name == null) {
            var joined = String.join(" ", java.util.stream.Stream.of(cells.get(ContactField.FIRST_NAME),
                    cells.get(ContactField.LAST_NAME)).filter(Objects::nonNull).toList());
            name = joined.isEmpty() ? null : joined;
        }
        if (name == null) {
            errors.add(new ImportRowError(row.line(), "name", null, "the row has no name"));
            return null;
        }
        try {
            var phone = cells.get(ContactField.PHONE);
            var departmentName = cells.get(ContactField.DEPARTMENT);
            var details = new ContactDetails(name, cells.get(ContactField.EMAIL),
                    phone == null ? null : phoneNumbers.normalise("phone", phone), cells.get(ContactField.ROLE),
                    cells.get(ContactField.COMPANY), departmentName == null ? null : departmentIds.of(departmentName),
                    contactImport.productionId(), cells.get(ContactField.NOTES), JsonFields.EMPTY);
            return new Candidate(row.line(), Contact.create(contactImport.organizationId(), details,
                    contactImport.source(), clock.instant()));
        } catch (InvariantViolationException e) {
            var field = ContactField.ofKey(e.field()).orElse(null);
            errors.add(new ImportRowError(row.line(), e.field(), field == null ? null : cells.get(field),
                    e.getMessage()));
            return null;
        }
    }

    /** The row's fields over the stored ones: a column the file leaves empty changes nothing. */
    private static ContactDetails merged(ContactDetails was, ContactDetails row) {
        return new ContactDetails(row.name(), was.email(), or(row.phone(), was.phone()), or(row.role(), was.role()),
                or(row.company(), was.company()), or(row.departmentId(), was.departmentId()), was.productionId(),
                or(row.notes(), was.notes()), was.customFields());
    }

    private static <T> T or(T value, T otherwise) {
        return value != null ? value : otherwise;
    }

    /** A row's cells by contact field, trimmed; blank is absent. */
    private record Cells(Map<ContactField, String> mapping, ContactSheets.SheetRow row) {
        String get(ContactField field) {
            var header = mapping.get(field);
            var value = header == null ? null : row.cells().get(header);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** The organization's departments by name, ignoring case, read once per chunk. */
    private final class DepartmentNames {
        private final OrganizationId organizationId;
        private final boolean dryRun;
        private final java.time.Instant now;
        private Map<String, DepartmentId> byName;

        DepartmentNames(OrganizationId organizationId, boolean dryRun, java.time.Instant now) {
            this.organizationId = organizationId;
            this.dryRun = dryRun;
            this.now = now;
        }

        DepartmentId of(String name) {
            if (byName == null) {
                byName = new HashMap<>();
                var page = departments.list(organizationId, PageRequest.first(PageRequest.MAX_LIMIT));
                while (true) {
                    page.items().forEach(department -> byName.put(key(department.name()), department.id()));
                    if (!page.hasMore()) {
                        break;
                    }
                    page = departments.list(organizationId, new PageRequest<>(page.last().id(),
                            PageRequest.MAX_LIMIT));
                }
            }
            return byName.computeIfAbsent(key(name), absent -> {
                Department department;
                try {
                    department = Department.create(organizationId, name, now);
                } catch (InvariantViolationException e) {
                    throw new InvariantViolationException("department", e.getMessage().replace("name",
                            "department"));
                }
                return dryRun ? department.id() : departments.insert(department).id();
            });
        }

        private static String key(String name) {
            return name.strip().toLowerCase(Locale.ROOT);
        }
    }
}
