package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.Contact;
import dev.tenantcore.contacts.domain.ContactFilter;
import dev.tenantcore.contacts.domain.ContactId;
import dev.tenantcore.contacts.domain.ContactMatch;
import dev.tenantcore.contacts.domain.ContactRepository;
import dev.tenantcore.contacts.domain.ContactSearch;
import dev.tenantcore.contacts.domain.ContactSearchCursor;
import dev.tenantcore.contacts.domain.ProductionId;
import dev.tenantcore.shared.application.FakeTenantTransactions;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The port over a map, honouring its contract: conditional update on the stored version, the version bumped and
 * the update time set on every update (the database trigger's job), newest first by id, one live contact per email
 * and production. Search is a stand-in for the database's: a case-insensitive substring of the name, rank 1. Each
 * call checks, as the database does, that a transaction for the organization is active.
 */
final class InMemoryContactRepository implements ContactRepository {
    private final FakeTenantTransactions transactions;
    private final Clock clock;
    private final Map<ContactId, Contact> stored = new LinkedHashMap<>();

    InMemoryContactRepository(FakeTenantTransactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
        transactions.register(() -> {
            var copy = new LinkedHashMap<>(stored);
            return () -> {
                stored.clear();
                stored.putAll(copy);
            };
        });
    }

    List<Contact> all() {
        return List.copyOf(stored.values());
    }

    @Override
    public Contact insert(Contact contact) {
        transactions.requireWritable(contact.organizationId());
        requireEmailFree(contact);
        stored.put(contact.id(), contact);
        return contact;
    }

    private void requireEmailFree(Contact contact) {
        if (contact.email() != null && !contact.isDeleted() && stored.values().stream().anyMatch(other ->
                !other.id().equals(contact.id()) && !other.isDeleted()
                        && other.organizationId().equals(contact.organizationId())
                        && Objects.equals(other.productionId(), contact.productionId())
                        && contact.email().equalsIgnoreCase(other.email()))) {
            throw new ConflictException(Contact.EMAIL_TAKEN);
        }
    }

    @Override
    public Optional<Contact> findById(OrganizationId organizationId, ContactId id) {
        transactions.requireActive(organizationId);
        return Optional.ofNullable(stored.get(id)).filter(found -> found.organizationId().equals(organizationId));
    }

    @Override
    public Page<Contact> list(OrganizationId organizationId, ContactFilter filter, PageRequest<ContactId> page) {
        return newestFirst(organizationId, page, found -> !found.isDeleted() && matches(filter, found));
    }

    @Override
    public Page<Contact> listDeleted(OrganizationId organizationId, Instant deletedAfter,
            PageRequest<ContactId> page) {
        return newestFirst(organizationId, page, found -> found.isDeleted() && found.deletedAt().isAfter(deletedAfter));
    }

    private Page<Contact> newestFirst(OrganizationId organizationId, PageRequest<ContactId> page,
            Predicate<Contact> included) {
        transactions.requireActive(organizationId);
        var found = stored.values().stream()
                .filter(contact -> contact.organizationId().equals(organizationId))
                .filter(included)
                .filter(contact -> page.after().map(after -> contact.id().value().compareTo(after.value()) < 0)
                        .orElse(true))
                .sorted(Comparator.comparing((Contact contact) -> contact.id().value()).reversed())
                .limit(page.limit() + 1L)
                .toList();
        return Page.fromOverfetch(found, page.limit());
    }

    @Override
    public Page<ContactMatch> search(OrganizationId organizationId, ContactSearch search,
            PageRequest<ContactSearchCursor> page) {
        var text = search.text().toLowerCase(Locale.ROOT);
        var after = page.after().map(cursor -> new PageRequest<>(cursor.id(), page.limit()))
                .orElse(PageRequest.first(page.limit()));
        var found = list(organizationId, search.filter(),
                new PageRequest<>(after.afterOrNull(), PageRequest.MAX_LIMIT));
        var matches = found.items().stream()
                .filter(contact -> contact.name().toLowerCase(Locale.ROOT).contains(text))
                .map(contact -> new ContactMatch(contact, 1))
                .limit(page.limit() + 1L).toList();
        return Page.fromOverfetch(matches, page.limit());
    }

    private static boolean matches(ContactFilter filter, Contact contact) {
        return filter.productionId().map(id -> id.equals(contact.productionId())).orElse(true)
                && filter.departmentId().map(id -> id.equals(contact.departmentId())).orElse(true)
                && filter.hasEmail().map(hasEmail -> hasEmail == (contact.email() != null)).orElse(true);
    }

    @Override
    public Optional<Contact> update(Contact contact) {
        transactions.requireWritable(contact.organizationId());
        var current = findById(contact.organizationId(), contact.id());
        if (current.isEmpty() || current.get().version() != contact.version()) {
            return Optional.empty();
        }
        requireEmailFree(contact);
        var updated = Contact.reconstitute(contact.id(), contact.organizationId(), contact.details(), contact.source(),
                contact.deletedAt(), contact.version() + 1, contact.createdAt(), clock.instant());
        stored.put(updated.id(), updated);
        return Optional.of(updated);
    }

    @Override
    public int purgeDeletedBefore(OrganizationId organizationId, Instant cutoff) {
        transactions.requireWritable(organizationId);
        var purged = stored.values().stream().filter(contact -> contact.organizationId().equals(organizationId)
                && contact.isDeleted() && contact.deletedAt().isBefore(cutoff)).map(Contact::id).toList();
        purged.forEach(stored::remove);
        return purged.size();
    }

    @Override
    public void insertAll(List<Contact> contacts) {
        contacts.forEach(this::insert);
    }

    @Override
    public void updateAll(List<Contact> contacts) {
        for (var contact : contacts) {
            transactions.requireWritable(contact.organizationId());
            requireEmailFree(contact);
            stored.put(contact.id(), contact);
        }
    }

    @Override
    public List<Contact> findLiveByEmails(OrganizationId organizationId, ProductionId productionId,
            Collection<String> emails) {
        transactions.requireActive(organizationId);
        return stored.values().stream().filter(found -> found.organizationId().equals(organizationId)
                && !found.isDeleted() && Objects.equals(found.productionId(), productionId)
                && found.email() != null && emails.contains(found.email())).toList();
    }
}
