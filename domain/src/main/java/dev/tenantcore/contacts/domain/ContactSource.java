package dev.tenantcore.contacts.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * Where a contact came from: entered by hand ({@link #MANUAL}), or by an import, which it names so that an import's
 * results can be found and its duplicates handled.
 *
 * @param importIdOrNull the import's id; null for a manual contact
 */
public record ContactSource(Type type, UUID importIdOrNull) {
    public enum Type { MANUAL, IMPORT }

    public static final ContactSource MANUAL = new ContactSource(Type.MANUAL, null);

    public ContactSource {
        Objects.requireNonNull(type, "type");
        if ((type == Type.IMPORT) != (importIdOrNull != null)) {
            throw new IllegalArgumentException("an import names its import id, a manual contact none");
        }
    }

    public static ContactSource importedBy(UUID importId) {
        return new ContactSource(Type.IMPORT, Objects.requireNonNull(importId, "importId"));
    }
}
