package dev.tenantcore.contacts.adapter.persistence;

import dev.tenantcore.contacts.domain.Contact;
import dev.tenantcore.contacts.domain.ContactId;
import dev.tenantcore.contacts.domain.ContactRepository;
import dev.tenantcore.shared.adapter.persistence.PersistedIds;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import jakarta.inject.Singleton;
import java.util.Optional;

/** The tenant statement guard refuses these statements outside the organization's transaction. */
@Singleton
final class JdbcContactRepository implements ContactRepository {
    private final ContactRowRepository rows;
    private final ContactRowMapper mapper;

    JdbcContactRepository(ContactRowRepository rows, ContactRowMapper mapper) {
        this.rows = rows;
        this.mapper = mapper;
    }

    @Override
    public Contact insert(Contact contact) {
        return mapper.toDomain(rows.insert(contact.organizationId().value(), contact.id().value(),
                contact.name(), contact.description(), contact.version()).getFirst());
    }

    @Override
    public Optional<Contact> findById(OrganizationId organizationId, ContactId id) {
        return rows.find(organizationId.value(), id.value()).map(mapper::toDomain);
    }

    @Override
    public Page<Contact> list(OrganizationId organizationId, PageRequest<ContactId> page) {
        var after = page.after().map(ContactId::value).orElse(PersistedIds.NEWEST);
        var found = rows.listAfter(organizationId.value(), after, page.limit() + 1);
        return Page.fromOverfetch(found.stream().map(mapper::toDomain).toList(), page.limit());
    }

    @Override
    public Optional<Contact> update(Contact contact) {
        return rows.updateIfVersion(contact.organizationId().value(), contact.id().value(), contact.version(),
                contact.name(), contact.description()).stream().findFirst().map(mapper::toDomain);
    }

    @Override
    public boolean delete(OrganizationId organizationId, ContactId id, long version) {
        return rows.deleteIfVersion(organizationId.value(), id.value(), version) == 1;
    }
}
