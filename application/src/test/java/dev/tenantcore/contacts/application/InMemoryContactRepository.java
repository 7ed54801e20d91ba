package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.Contact;
import dev.tenantcore.contacts.domain.ContactId;
import dev.tenantcore.contacts.domain.ContactRepository;
import dev.tenantcore.shared.application.FakeTenantTransactions;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The port over a map, honouring its contract: conditional update and delete on the stored version, the version
 * bumped and the update time set on every update (the database trigger's job), newest first by id. Each call
 * checks, as the database does, that a transaction for the organization is active.
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
        stored.put(contact.id(), contact);
        return contact;
    }

    @Override
    public Optional<Contact> findById(OrganizationId organizationId, ContactId id) {
        transactions.requireActive(organizationId);
        return Optional.ofNullable(stored.get(id)).filter(found -> found.organizationId().equals(organizationId));
    }

    @Override
    public Page<Contact> list(OrganizationId organizationId, PageRequest<ContactId> page) {
        transactions.requireActive(organizationId);
        var newestFirst = stored.values().stream()
                .filter(found -> found.organizationId().equals(organizationId))
                .filter(found -> page.after().map(after -> found.id().value().compareTo(after.value()) < 0).orElse(true))
                .sorted(Comparator.comparing((Contact found) -> found.id().value()).reversed())
                .limit(page.limit() + 1L)
                .toList();
        return Page.fromOverfetch(newestFirst, page.limit());
    }

    @Override
    public Optional<Contact> update(Contact contact) {
        transactions.requireWritable(contact.organizationId());
        var current = findById(contact.organizationId(), contact.id());
        if (current.isEmpty() || current.get().version() != contact.version()) {
            return Optional.empty();
        }
        var updated = Contact.reconstitute(contact.id(), contact.organizationId(), contact.name(),
                contact.description(), contact.version() + 1, contact.createdAt(), clock.instant());
        stored.put(updated.id(), updated);
        return Optional.of(updated);
    }

    @Override
    public boolean delete(OrganizationId organizationId, ContactId id, long version) {
        transactions.requireWritable(organizationId);
        var current = findById(organizationId, id);
        if (current.isEmpty() || current.get().version() != version) {
            return false;
        }
        stored.remove(id);
        return true;
    }
}
