package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.ContactMatch;
import dev.tenantcore.contacts.domain.ContactSearch;
import dev.tenantcore.contacts.domain.ContactSearchCursor;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;

public interface SearchContactsUseCase {
    /** Live contacts matching the search, best first. */
    Page<ContactMatch> search(ContactSearch search, PageRequest<ContactSearchCursor> page);
}
