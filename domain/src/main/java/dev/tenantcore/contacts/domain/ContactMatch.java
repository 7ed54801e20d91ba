package dev.tenantcore.contacts.domain;

import java.util.Objects;

/** A contact found by a search, with its rank: higher is a better match. */
public record ContactMatch(Contact contact, float rank) {
    public ContactMatch {
        Objects.requireNonNull(contact, "contact");
    }

    public ContactSearchCursor cursor() {
        return new ContactSearchCursor(rank, contact.id());
    }
}
