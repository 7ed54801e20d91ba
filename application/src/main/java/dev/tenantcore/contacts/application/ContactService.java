package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.Contact;
import dev.tenantcore.contacts.domain.ContactDetails;
import dev.tenantcore.contacts.domain.ContactFilter;
import dev.tenantcore.contacts.domain.ContactId;
import dev.tenantcore.contacts.domain.ContactMatch;
import dev.tenantcore.contacts.domain.ContactPermissions;
import dev.tenantcore.contacts.domain.ContactRepository;
import dev.tenantcore.contacts.domain.ContactSearch;
import dev.tenantcore.contacts.domain.ContactSearchCursor;
import dev.tenantcore.contacts.domain.ContactSource;
import dev.tenantcore.contacts.domain.JsonFields;
import dev.tenantcore.shared.application.FieldChange;
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
import java.time.Instant;
import java.util.Objects;

/**
 * Contacts, with the trash: a deleted contact is not found by get, update, delete, lists or search (the same 404 as
 * an id that never existed), only by the trash list and restore, and only within the retention period.
 */
@Singleton
final class ContactService implements CreateContactUseCase, GetContactUseCase, UpdateContactUseCase,
        DeleteContactUseCase, ListContactsUseCase, ListDeletedContactsUseCase, SearchContactsUseCase,
        RestoreContactUseCase {

    private final ContactRepository contacts;
    private final PhoneNumbers phoneNumbers;
    private final ContactSettings settings;
    private final TenantTransactions transactions;
    private final CurrentTenant currentTenant;
    private final Clock clock;

    ContactService(ContactRepository contacts, PhoneNumbers phoneNumbers, ContactSettings settings,
            TenantTransactions transactions, CurrentTenant currentTenant, Clock clock) {
        this.contacts = contacts;
        this.phoneNumbers = phoneNumbers;
        this.settings = settings;
        this.transactions = transactions;
        this.currentTenant = currentTenant;
        this.clock = clock;
    }

    @Override
    public Contact create(CreateContactCommand command) {
        currentTenant.require(ContactPermissions.WRITE);
        var organizationId = currentTenant.organizationId();
        var details = new ContactDetails(command.name(), command.email(), phone(command.phone()), command.role(),
                command.company(), command.departmentId(), command.productionId(), command.notes(),
                command.customFields());
        var contact = Contact.create(organizationId, details, ContactSource.MANUAL, clock.instant());
        return transactions.write(organizationId, () -> contacts.insert(contact));
    }

    @Override
    public Contact get(ContactId id) {
        currentTenant.require(ContactPermissions.READ);
        var organizationId = currentTenant.organizationId();
        return transactions.read(organizationId, () -> loadLive(organizationId, id));
    }

    @Override
    public Contact update(UpdateContactCommand command) {
        currentTenant.require(ContactPermissions.WRITE);
        var organizationId = currentTenant.organizationId();
        var phone = command.phone().map(this::phone); // outside the transaction: it needs no connection
        return transactions.write(organizationId, () -> {
            var current = loadLive(organizationId, command.id());
            command.expectedVersion().check(current.version());
            if (!command.changesAnything()) {
                return current;
            }
            var was = current.details();
            var revised = current.revised(new ContactDetails(command.name().orElse(was.name()),
                    command.email().orElse(was.email()), phone.orElse(was.phone()), command.role().orElse(was.role()),
                    command.company().orElse(was.company()), command.departmentId().orElse(was.departmentId()),
                    command.productionId().orElse(was.productionId()), command.notes().orElse(was.notes()),
                    customFields(command.customFields(), was.customFields())));
            return contacts.update(revised).orElseThrow(ContactService::concurrentChange);
        });
    }

    @Override
    public void delete(ContactId id, ExpectedVersion expectedVersion) {
        currentTenant.require(ContactPermissions.WRITE);
        var organizationId = currentTenant.organizationId();
        transactions.write(organizationId, () -> {
            var contact = loadLive(organizationId, id);
            expectedVersion.check(contact.version());
            return contacts.update(contact.deleted(clock.instant())).orElseThrow(ContactService::concurrentChange);
        });
    }

    @Override
    public Contact restore(ContactId id) {
        currentTenant.require(ContactPermissions.WRITE);
        var organizationId = currentTenant.organizationId();
        return transactions.write(organizationId, () -> {
            var contact = contacts.findById(organizationId, id)
                    .filter(found -> !found.isDeleted() || found.deletedAt().isAfter(trashCutoff()))
                    .orElseThrow(ContactService::notFound);
            if (!contact.isDeleted()) {
                return contact;
            }
            return contacts.update(contact.restored()).orElseThrow(ContactService::concurrentChange);
        });
    }

    @Override
    public Page<Contact> list(ContactFilter filter, PageRequest<ContactId> page) {
        currentTenant.require(ContactPermissions.READ);
        var organizationId = currentTenant.organizationId();
        return transactions.read(organizationId, () -> contacts.list(organizationId, filter, page));
    }

    @Override
    public Page<Contact> listDeleted(PageRequest<ContactId> page) {
        currentTenant.require(ContactPermissions.READ);
        var organizationId = currentTenant.organizationId();
        return transactions.read(organizationId, () -> contacts.listDeleted(organizationId, trashCutoff(), page));
    }

    @Override
    public Page<ContactMatch> search(ContactSearch search, PageRequest<ContactSearchCursor> page) {
        currentTenant.require(ContactPermissions.READ);
        var organizationId = currentTenant.organizationId();
        return transactions.read(organizationId, () -> contacts.search(organizationId, search, page));
    }

    /** Contacts deleted before this instant are past the retention period: as good as purged. */
    private Instant trashCutoff() {
        return clock.instant().minus(settings.trashRetention());
    }

    /** A change to null empties the custom fields: they are an object, never absent. */
    private static JsonFields customFields(FieldChange<JsonFields> change, JsonFields current) {
        return change.isChange() ? Objects.requireNonNullElse(change.orElse(null), JsonFields.EMPTY) : current;
    }

    private String phone(String typed) {
        return typed == null || typed.isBlank() ? null : phoneNumbers.normalise("phone", typed);
    }

    private Contact loadLive(OrganizationId organizationId, ContactId id) {
        return contacts.findById(organizationId, id).filter(found -> !found.isDeleted())
                .orElseThrow(ContactService::notFound);
    }

    private static ResourceNotFoundException notFound() {
        return new ResourceNotFoundException("contact");
    }

    private static ConflictException concurrentChange() {
        return new ConflictException("the contact was changed concurrently; retry");
    }
}
