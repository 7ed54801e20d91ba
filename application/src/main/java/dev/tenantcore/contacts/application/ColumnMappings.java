package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.ContactField;
import dev.tenantcore.shared.domain.InvariantViolationException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which column fills which contact field: as the request maps them (every column named must be in the file), or
 * recognised from the headers by their usual names, compared without case, spaces or punctuation ("E-mail",
 * "Email Address" and "email" are all the email).
 */
final class ColumnMappings {
    private static final Map<ContactField, List<String>> USUAL_NAMES = Map.of(
            ContactField.NAME, List.of("name", "fullname", "contactname", "crewname", "contact"),
            ContactField.FIRST_NAME, List.of("firstname", "givenname", "first", "forename"),
            ContactField.LAST_NAME, List.of("lastname", "surname", "familyname", "last"),
            ContactField.EMAIL, List.of("email", "emailaddress", "mail", "emailid"),
            ContactField.PHONE, List.of("phone", "phonenumber", "mobile", "mobilephone", "cell", "cellphone",
                    "telephone", "tel", "mobilenumber"),
            ContactField.ROLE, List.of("role", "position", "jobtitle", "title", "job", "crewposition"),
            ContactField.COMPANY, List.of("company", "companyname", "organisation", "organization", "employer",
                    "vendor"),
            ContactField.DEPARTMENT, List.of("department", "dept", "departmentname", "section"),
            ContactField.NOTES, List.of("notes", "note", "comments", "comment", "remarks"));

    private ColumnMappings() {
    }

    static Map<ContactField, String> resolve(Map<String, String> requested, List<String> headers) {
        var mapping = requested == null ? detect(headers) : checked(requested, headers);
        if (!mapping.containsKey(ContactField.NAME) && !mapping.containsKey(ContactField.FIRST_NAME)
                && !mapping.containsKey(ContactField.LAST_NAME)) {
            throw new InvariantViolationException("mapping", "no column gives the contacts' names: map name (or "
                    + "firstName and lastName) to a column; the file's columns are " + headers);
        }
        return mapping;
    }

    private static Map<ContactField, String> checked(Map<String, String> requested, List<String> headers) {
        var mapping = new EnumMap<ContactField, String>(ContactField.class);
        for (var entry : requested.entrySet()) {
            var field = ContactField.ofKey(entry.getKey()).orElseThrow(() -> new InvariantViolationException(
                    "mapping", "'" + entry.getKey() + "' is no contact field; the fields are name, firstName, "
                            + "lastName, email, phone, role, company, department and notes"));
            if (entry.getValue() == null || !headers.contains(entry.getValue())) {
                throw new InvariantViolationException("mapping", "the mapping names the column '"
                        + entry.getValue() + "' for " + entry.getKey() + ", which the file does not have; its "
                        + "columns are " + headers);
            }
            mapping.put(field, entry.getValue());
        }
        return mapping;
    }

    private static Map<ContactField, String> detect(List<String> headers) {
        var mapping = new EnumMap<ContactField, String>(ContactField.class);
        for (var header : headers) {
            var key = normalised(header);
            for (var usual : USUAL_NAMES.entrySet()) {
                if (usual.getValue().contains(key) && !mapping.containsKey(usual.getKey())) {
                    mapping.put(usual.getKey(), header);
                }
            }
        }
        return mapping;
    }

    private static String normalised(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
