package dev.tenantcore.contacts.domain;

import java.util.Arrays;
import java.util.Optional;

/** A contact's field that an import's column can fill; {@link #key()} is its name in a mapping. */
public enum ContactField {
    NAME("name"), FIRST_NAME("firstName"), LAST_NAME("lastName"), EMAIL("email"), PHONE("phone"), ROLE("role"),
    COMPANY("company"), DEPARTMENT("department"), NOTES("notes");

    private final String key;

    ContactField(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<ContactField> ofKey(String key) {
        return Arrays.stream(values()).filter(field -> field.key.equals(key)).findFirst();
    }
}
