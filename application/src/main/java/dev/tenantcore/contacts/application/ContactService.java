package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.Contact;
import dev.tenantcore.contacts.domain.ContactId;
import dev.tenantcore.contacts.domain.ContactPermissions;
import dev.tenantcore.contacts.domain.ContactRepository;
import dev.tenantcore.shared.application.CurrentTenant;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.ExpectedVersion;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.shared.domain.ResourceNotFoundException;
import jakarta.inject.Singleton;
import java.time.Clock;

@Singleton
final class ContactService implements CreateContactUseCase, GetContactUseCase, UpdateContactUseCase,
        DeleteContactUseCase, ListContactsUseCase {

    private final ContactRepository contacts;
    private final TenantTransactions transactions;
    private final CurrentTenant currentTenant;
    private final Clock clock;

    ContactService(ContactRepository contacts, TenantTransactions transactions, CurrentTenant currentTenant,
            Clock clock) {
        this.contacts = contacts;
        this.transactions = transactions;
        this.currentTenant = currentTenant;
        this.clock = clock;
    }

    @Override
    public Contact create(CreateContactCommand command) {
        currentTenant.require(ContactPermissions.WRITE);
        var organizationId = currentTenant.organizationId();
        var contact = Contact.create(organizationId, command.name(), command.descriptionOrNull(), clock.instant());
        return transactions.write(organizationId, () -> contacts.insert(contact));
    }

    @Override
    public Contact get(ContactId id) {
        currentTenant.require(ContactPermissions.READ);
        var organizationId = currentTenant.organizationId();
        return transactions.read(organizationId, () -> load(organizationId, id));
    }

    @Override
    public Contact update(UpdateContactCommand command) {
        currentTenant.require(ContactPermissions.WRITE);
        var organizationId = currentTenant.organizationId();
        return transactions.write(organizationId, () -> {
            var current = load(organizationId, command.id());
            command.expectedVersion().check(current.version());
            if (!command.changesAnything()) {
                return current;
            }
            var revised = current.revised(command.name().orElse(current.name()),
                    command.description().orElse(current.description()));
            return contacts.update(revised).orElseThrow(ContactService::concurrentChange);
        });
    }

    @Override
    public void delete(ContactId id, ExpectedVersion expectedVersion) {
        currentTenant.require(ContactPermissions.WRITE);
        var organizationId = currentTenant.organizationId();
        transactions.write(organizationId, () -> {
            var contact = load(organizationId, id);
            expectedVersion.check(contact.version());
            if (!contacts.delete(organizationId, id, contact.version())) {
                throw concurrentChange();
            }
            return null;
        });
    }

    @Override
    public Page<Contact> list(PageRequest<ContactId> page) {
        currentTenant.require(ContactPermissions.READ);
        var organizationId = currentTenant.organizationId();
        return transactions.read(organizationId, () -> contacts.list(organizationId, page));
    }

    private Contact load(OrganizationId organizationId, ContactId id) {
        return contacts.findById(organizationId, id)
                .orElseThrow(() -> new ResourceNotFoundException("contact"));
    }

    private static ConflictException concurrentChange() {
        return new ConflictException("the contact was changed concurrently; retry");
    }
}
