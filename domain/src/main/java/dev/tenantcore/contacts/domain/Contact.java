package dev.tenantcore.contacts.domain;

import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Text;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A contact of an organization: a person on a production's crew, in a department. Immutable: a change returns a new
 * value, and the canonical constructor enforces every invariant; {@link #reconstitute} is how storage brings one
 * back. Everything but the name is optional (null when absent). The phone number is already in E.164 form: the
 * application turns what people type into it ({@code PhoneNumbers}). A deleted contact is in the trash
 * ({@code deletedAt} set) until it is restored or purged.
 */
public record Contact(
        ContactId id,
        OrganizationId organizationId,
        String name,
        String email,
        String phone,
        String role,
        String company,
        DepartmentId departmentId,
        ProductionId productionId,
        String notes,
        JsonFields customFields,
        ContactSource source,
        Instant deletedAt,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static final int NAME_MAX_LENGTH = 200;
    public static final int EMAIL_MAX_LENGTH = 254;
    public static final int ROLE_MAX_LENGTH = 200;
    public static final int COMPANY_MAX_LENGTH = 200;
    public static final int NOTES_MAX_LENGTH = 10_000;
    public static final String UNKNOWN_DEPARTMENT = "departmentId is not a department of the organization";
    public static final String UNKNOWN_PRODUCTION = "productionId is not a production of the organization";
    public static final String EMAIL_TAKEN = "another contact of the production has this email";
    /** One @, something on either side, a dot in the domain, no blanks: what the database checks, and a bit more. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{1,14}$");

    public Contact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        name = Text.required("name", name, NAME_MAX_LENGTH);
        email = email(email);
        if (phone != null && !E164.matcher(phone).matches()) {
            throw new InvariantViolationException("phone", "phone must be an E.164 number such as +14155550123");
        }
        role = optionalLine("role", role, ROLE_MAX_LENGTH);
        company = optionalLine("company", company, COMPANY_MAX_LENGTH);
        notes = Text.optional("notes", notes, NOTES_MAX_LENGTH);
        Objects.requireNonNull(customFields, "customFields");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** Blank means absent: a form's empty field clears it rather than store "". */
    private static String optionalLine(String field, String value, int maxLength) {
        return value == null || value.isBlank() ? null : Text.optional(field, value.strip(), maxLength);
    }

    private static String email(String value) {
        var email = optionalLine("email", value, EMAIL_MAX_LENGTH);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new InvariantViolationException("email", "email must be an address such as grace@example.com");
        }
        return email == null ? null : email.toLowerCase(Locale.ROOT);
    }

    public static Contact create(OrganizationId organizationId, ContactDetails details, ContactSource source,
            Instant now) {
        return new Contact(ContactId.generate(), organizationId, details.name(), details.email(), details.phone(),
                details.role(), details.company(), details.departmentId(), details.productionId(), details.notes(),
                details.customFields(), source, null, 1, now, now);
    }

    /** A contact as storage holds it. */
    public static Contact reconstitute(ContactId id, OrganizationId organizationId, ContactDetails details,
            ContactSource source, Instant deletedAt, long version, Instant createdAt, Instant updatedAt) {
        return new Contact(id, organizationId, details.name(), details.email(), details.phone(), details.role(),
                details.company(), details.departmentId(), details.productionId(), details.notes(),
                details.customFields(), source, deletedAt, version, createdAt, updatedAt);
    }

    /** What a person may edit, as it stands. */
    public ContactDetails details() {
        return new ContactDetails(name, email, phone, role, company, departmentId, productionId, notes, customFields);
    }

    /** The contact with its editable fields replaced. */
    public Contact revised(ContactDetails newDetails) {
        return new Contact(id, organizationId, newDetails.name(), newDetails.email(), newDetails.phone(),
                newDetails.role(), newDetails.company(), newDetails.departmentId(), newDetails.productionId(),
                newDetails.notes(), newDetails.customFields(), source, deletedAt, version, createdAt, updatedAt);
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    /** Into the trash at {@code now}. */
    public Contact deleted(Instant now) {
        return new Contact(id, organizationId, name, email, phone, role, company, departmentId, productionId, notes,
                customFields, source, Objects.requireNonNull(now, "now"), version, createdAt, updatedAt);
    }

    /** Out of the trash. */
    public Contact restored() {
        return new Contact(id, organizationId, name, email, phone, role, company, departmentId, productionId, notes,
                customFields, source, null, version, createdAt, updatedAt);
    }
}
