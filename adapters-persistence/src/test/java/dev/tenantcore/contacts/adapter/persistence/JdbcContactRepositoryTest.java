package dev.tenantcore.contacts.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.contacts.domain.Contact;
import dev.tenantcore.contacts.domain.ContactField;
import dev.tenantcore.contacts.domain.ContactImport;
import dev.tenantcore.contacts.domain.ContactDetails;
import dev.tenantcore.contacts.domain.ContactFilter;
import dev.tenantcore.contacts.domain.ContactId;
import dev.tenantcore.contacts.domain.ContactMatch;
import dev.tenantcore.contacts.domain.ContactRepository;
import dev.tenantcore.contacts.domain.ContactSearch;
import dev.tenantcore.contacts.domain.ContactSearchCursor;
import dev.tenantcore.contacts.domain.ContactSource;
import dev.tenantcore.contacts.domain.Department;
import dev.tenantcore.contacts.domain.DepartmentId;
import dev.tenantcore.contacts.domain.DepartmentRepository;
import dev.tenantcore.contacts.domain.DuplicatePolicy;
import dev.tenantcore.contacts.domain.ImportId;
import dev.tenantcore.contacts.domain.ImportRepository;
import dev.tenantcore.contacts.domain.JsonFields;
import dev.tenantcore.contacts.domain.Production;
import dev.tenantcore.contacts.domain.ProductionId;
import dev.tenantcore.contacts.domain.ProductionRepository;
import dev.tenantcore.contacts.domain.ProductionStatus;
import dev.tenantcore.shared.adapter.persistence.DatabaseTest;
import dev.tenantcore.shared.adapter.persistence.TestOrganizations;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.PageRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ContactRepository port's contract, on real PostgreSQL, connected as the runtime role. */
@MicronautTest(transactional = false)
class JdbcContactRepositoryTest extends DatabaseTest {
    @Inject
    ContactRepository contacts;
    @Inject
    DepartmentRepository departments;
    @Inject
    ProductionRepository productions;
    @Inject
    TenantTransactions transactions;
    @Inject
    TestOrganizations organizations;
    @Inject
    ImportRepository imports;

    OrganizationId organization;

    @BeforeEach
    void createOrganization() {
        organization = organizations.create();
    }

    private <T> T inTenant(Supplier<T> work) {
        return transactions.write(organization, work);
    }

    private Contact stored(ContactDetails details) {
        return inTenant(() -> contacts.insert(Contact.create(organization, details, ContactSource.MANUAL,
                Instant.now())));
    }

    private Contact stored(String name) {
        return stored(ContactDetails.named(name));
    }

    private Contact deleted(Contact contact) {
        return inTenant(() -> contacts.update(contact.deleted(Instant.now()))).orElseThrow();
    }

    private DepartmentId department(OrganizationId owner, String name) {
        return transactions.write(owner, () -> departments.insert(Department.create(owner, name, Instant.now()))).id();
    }

    private ProductionId production(String code) {
        return inTenant(() -> productions.insert(Production.create(organization, "Production " + code, code,
                ProductionStatus.SHOOTING, null, null, JsonFields.EMPTY, Instant.now()))).id();
    }

    private List<ContactId> search(String text) {
        return search(text, ContactFilter.NONE);
    }

    private List<ContactId> search(String text, ContactFilter filter) {
        return inTenant(() -> contacts.search(organization, new ContactSearch(text, filter), PageRequest.first(100)))
                .items().stream().map(match -> match.contact().id()).toList();
    }

    @Test
    void storesEveryFieldAndFindsItWithTheTransactionsTimestamps() {
        var camera = department(organization, "Camera");
        var production = production("TLN");
        var importId = anImport(production);
        var inserted = inTenant(() -> contacts.insert(Contact.create(organization, new ContactDetails("Grace Hopper",
                "Grace@Example.com", "+14155550123", "Focus puller", "Lens Co", camera, production, "Early riser",
                JsonFields.checked("customFields", "{\"union\": \"BECTU\", \"sizes\": [1, 2]}")),
                ContactSource.importedBy(importId), Instant.now())));

        assertThat(inTenant(() -> contacts.findById(organization, inserted.id()))).contains(inserted);
        assertThat(inserted.email()).isEqualTo("grace@example.com");
        assertThat(inserted.customFields().json()).as("as jsonb keeps it: keys sorted, blanks normalised")
                .isEqualTo("{\"sizes\": [1, 2], \"union\": \"BECTU\"}");
        assertThat(inserted.source().importIdOrNull()).isEqualTo(importId);
        assertThat(inserted.createdAt()).isEqualTo(inserted.updatedAt());
    }

    @Test
    void listsLiveContactsNewestFirstInPagesWithFilters() {
        var camera = department(organization, "Camera");
        var first = stored(ContactDetails.named("First").withDepartment(camera).withEmail("first@example.com"));
        var second = stored("Second");
        var third = stored(ContactDetails.named("Third").withDepartment(camera));
        deleted(stored(ContactDetails.named("Deleted").withDepartment(camera)));

        var page = inTenant(() -> contacts.list(organization, ContactFilter.NONE, PageRequest.first(2)));
        assertThat(page.items()).containsExactly(third, second);
        assertThat(page.hasMore()).isTrue();
        var next = inTenant(() -> contacts.list(organization, ContactFilter.NONE, new PageRequest<>(second.id(), 2)));
        assertThat(next.items()).containsExactly(first);
        assertThat(next.hasMore()).isFalse();
        assertThat(inTenant(() -> contacts.list(organization, new ContactFilter(null, camera, null),
                PageRequest.first(10))).items()).containsExactly(third, first);
        assertThat(inTenant(() -> contacts.list(organization, new ContactFilter(null, camera, true),
                PageRequest.first(10))).items()).containsExactly(first);
        assertThat(inTenant(() -> contacts.list(organization, new ContactFilter(null, null, false),
                PageRequest.first(10))).items()).containsExactly(third, second);
    }

    @Test
    void theTrashHoldsWhatWasDeletedAfterTheCutoffAndThePurgeRemovesWhatWasDeletedBefore() {
        var live = stored("Live");
        var recent = deleted(stored("Recent"));
        var old = stored("Old");
        var deletedLongAgo = inTenant(() -> contacts.update(old.deleted(Instant.now().minus(Duration.ofDays(40)))))
                .orElseThrow();
        var cutoff = Instant.now().minus(Duration.ofDays(30));

        assertThat(inTenant(() -> contacts.listDeleted(organization, cutoff, PageRequest.first(10))).items())
                .containsExactly(recent);
        assertThat(inTenant(() -> contacts.listDeleted(organization, Instant.EPOCH, PageRequest.first(10))).items())
                .containsExactly(deletedLongAgo, recent);

        assertThat(inTenant(() -> contacts.purgeDeletedBefore(organization, cutoff))).isEqualTo(1);

        assertThat(inTenant(() -> contacts.findById(organization, old.id()))).as("purged").isEmpty();
        assertThat(inTenant(() -> contacts.findById(organization, recent.id()))).contains(recent);
        assertThat(inTenant(() -> contacts.findById(organization, live.id()))).contains(live);
    }

    @Test
    void fuzzySearchFindsNamesDespiteTyposAndAccents() {
        var john = stored("John Smith");
        var zoe = stored("Zoë Ångström");
        stored("Margaret Hamilton");

        assertThat(search("Jon Smtih")).containsExactly(john.id());
        assertThat(search("zoe angstrom")).containsExactly(zoe.id());
        assertThat(search("Zoë")).containsExactly(zoe.id());
    }

    @Test
    void fullTextSearchCoversRoleCompanyAndNotesByWordsAndTheirBeginnings() {
        var gaffer = stored(ContactDetails.named("Ada Lovelace").withRoleAndCompany("Gaffer", "Bright Lights Ltd"));
        var noted = stored(ContactDetails.named("Grace Hopper").withNotes("Owns a café near the studio"));
        stored("Margaret Hamilton");

        assertThat(search("gaffer")).containsExactly(gaffer.id());
        assertThat(search("bright light")).containsExactly(gaffer.id());
        assertThat(search("cafe")).containsExactly(noted.id());
        assertThat(search("ada lovelace gaffer")).containsExactly(gaffer.id());
    }

    @Test
    void searchRanksTheCloserMatchFirstAndHonoursFilters() {
        var production = production("TLN");
        var exact = stored(ContactDetails.named("John Smith").withProduction(production));
        var close = stored(ContactDetails.named("John Smithers").withEmail("js@example.com"));

        assertThat(search("John Smith")).containsExactly(exact.id(), close.id());
        assertThat(search("John Smith", new ContactFilter(production, null, null))).containsExactly(exact.id());
        assertThat(search("John Smith", new ContactFilter(null, null, true))).containsExactly(close.id());
    }

    @Test
    void pagingThroughRankedResultsReturnsEveryMatchExactlyOnceEvenWithEqualRanks() {
        var expected = new ArrayList<ContactId>();
        for (int i = 0; i < 7; i++) {
            expected.add(stored("Jordan Baker").id()); // the same name: the same rank
            expected.add(stored("Jordan Bakers " + i).id());
        }
        stored("Someone Else");

        var seen = new ArrayList<ContactId>();
        ContactSearchCursor after = null;
        var pages = 0;
        do {
            var cursor = after;
            var page = inTenant(() -> contacts.search(organization, new ContactSearch("Jordan Baker",
                    ContactFilter.NONE), new PageRequest<>(cursor, 3)));
            page.items().stream().map(match -> match.contact().id()).forEach(seen::add);
            var ranks = page.items().stream().map(ContactMatch::rank).toList();
            assertThat(ranks).isSortedAccordingTo((a, b) -> Float.compare(b, a));
            after = page.hasMore() ? page.last().cursor() : null;
            pages++;
        } while (after != null);

        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(pages).isEqualTo(5);
    }

    @Test
    void deletedContactsLeaveSearch() {
        var john = stored("John Smith");
        deleted(john);

        assertThat(search("John Smith")).isEmpty();
    }

    @Test
    void referencesMustBeTheOrganizationsOwnDepartmentAndProduction() {
        var other = organizations.create();
        var theirs = department(other, "Camera");

        assertThatThrownBy(() -> stored(ContactDetails.named("Grace").withDepartment(theirs)))
                .isInstanceOfSatisfying(InvariantViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("departmentId"));
        assertThatThrownBy(() -> stored(ContactDetails.named("Grace").withProduction(ProductionId.generate())))
                .isInstanceOfSatisfying(InvariantViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("productionId"));
        assertThat(inTenant(() -> contacts.list(organization, ContactFilter.NONE, PageRequest.first(10))).items())
                .isEmpty();
    }

    @Test
    void anEmailBelongsToOneLiveContactPerProductionAndDeletedOnesDoNotCount() {
        var production = production("TLN");
        var first = stored(ContactDetails.named("Grace").withEmail("grace@example.com").withProduction(production));

        assertThatThrownBy(() -> stored(ContactDetails.named("Grace 2").withEmail("GRACE@example.com")
                .withProduction(production))).isInstanceOf(ConflictException.class);
        stored(ContactDetails.named("Grace elsewhere").withEmail("grace@example.com"));
        assertThatThrownBy(() -> stored(ContactDetails.named("Grace elsewhere 2").withEmail("grace@example.com")))
                .as("contacts of no production are one group").isInstanceOf(ConflictException.class);

        deleted(first);
        var second = stored(ContactDetails.named("Grace 2").withEmail("grace@example.com").withProduction(production));
        assertThat(second.email()).isEqualTo("grace@example.com");
        var inTheTrash = inTenant(() -> contacts.findById(organization, first.id())).orElseThrow();
        assertThatThrownBy(() -> inTenant(() -> contacts.update(inTheTrash.restored())))
                .as("restoring it would make two").isInstanceOf(ConflictException.class);
    }

    @Test
    void aDepartmentOrProductionInUseEvenInTheTrashCannotBeDeleted() {
        var camera = department(organization, "Camera");
        var production = production("TLN");
        deleted(stored(ContactDetails.named("Grace").withDepartment(camera).withProduction(production)));

        assertThatThrownBy(() -> inTenant(() -> departments.delete(organization, camera, 1)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> inTenant(() -> productions.delete(organization, production, 1)))
                .isInstanceOf(ConflictException.class);
        assertThat(inTenant(() -> departments.findById(organization, camera))).isPresent();
    }

    @Test
    void anotherOrganizationsRowsAreNotFoundNorSearched() {
        var theirs = stored("John Smith");
        var other = organizations.create();

        assertThat(transactions.read(other, () -> contacts.findById(other, theirs.id()))).isEmpty();
        assertThat(transactions.read(other, () -> contacts.list(other, ContactFilter.NONE, PageRequest.first(10)))
                .items()).isEmpty();
        assertThat(transactions.read(other, () -> contacts.search(other, new ContactSearch("John Smith",
                ContactFilter.NONE), PageRequest.first(10))).items()).isEmpty();
    }

    @Test
    void refusesToRunOutsideATenantTransaction() {
        assertThatThrownBy(() -> contacts.findById(organization, ContactId.generate()))
                .hasMessageContaining("statement on tenant table contacts outside a tenant transaction");
    }

    /** An import for contacts to come from (contacts.import_id refers to it). */
    private UUID anImport(ProductionId production) {
        var contactImport = ContactImport.create(ImportId.generate(), organization, "crew.csv", 10, production,
                DuplicatePolicy.SKIP, false, Map.of(ContactField.NAME, "name"), 1, Instant.now());
        return inTenant(() -> imports.insert(contactImport)).id().value();
    }
}
