package dev.tenantcore.contacts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ContactTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final OrganizationId ORGANIZATION = OrganizationId.generate();

    private static Contact contact(ContactDetails details) {
        return Contact.create(ORGANIZATION, details, ContactSource.MANUAL, NOW);
    }

    private static InvariantViolationException refusal(ContactDetails details) {
        try {
            contact(details);
        } catch (InvariantViolationException e) {
            return e;
        }
        throw new AssertionError("accepted " + details);
    }

    @Test
    void aNewContactIsLiveAtItsFirstVersionWithTextTrimmedAndBlanksAbsent() {
        var created = contact(ContactDetails.named("  Grace Hopper ").withEmail(" Grace@Example.COM ")
                .withRoleAndCompany(" Gaffer ", "  "));

        assertThat(created.name()).isEqualTo("Grace Hopper");
        assertThat(created.email()).isEqualTo("grace@example.com");
        assertThat(created.role()).isEqualTo("Gaffer");
        assertThat(created.company()).isNull();
        assertThat(created.isDeleted()).isFalse();
        assertThat(created.source()).isEqualTo(ContactSource.MANUAL);
        assertThat(created.version()).isEqualTo(1);
    }

    @Test
    void anInvalidEmailOrPhoneIsRefusedNamingTheField() {
        assertThat(refusal(ContactDetails.named("Ada").withEmail("ada-at-example.com")).field()).isEqualTo("email");
        assertThat(refusal(ContactDetails.named("Ada").withEmail("ada@localhost")).field()).isEqualTo("email");
        assertThat(refusal(new ContactDetails("Ada", null, "0123", null, null, null, null, null, JsonFields.EMPTY))
                .field()).isEqualTo("phone");
        assertThat(refusal(ContactDetails.named(" ")).field()).isEqualTo("name");
        assertThat(refusal(ContactDetails.named("Ada").withNotes("n".repeat(Contact.NOTES_MAX_LENGTH + 1))).field())
                .isEqualTo("notes");
        assertThat(contact(new ContactDetails("Ada", null, "+14155550123", null, null, null, null, null,
                JsonFields.EMPTY)).phone()).isEqualTo("+14155550123");
    }

    @Test
    void deletingAndRestoringMoveTheContactInAndOutOfTheTrash() {
        var created = contact(ContactDetails.named("Grace Hopper"));

        var deleted = created.deleted(NOW.plusSeconds(60));
        assertThat(deleted.isDeleted()).isTrue();
        assertThat(deleted.deletedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(deleted.restored()).isEqualTo(created);
    }

    @Test
    void revisingKeepsIdentitySourceVersionAndTimestamps() {
        var importId = UUID.randomUUID();
        var imported = Contact.create(ORGANIZATION, ContactDetails.named("Grace"), ContactSource.importedBy(importId),
                NOW);

        var revised = imported.revised(ContactDetails.named("Grace Hopper").withEmail("grace@example.com"));

        assertThat(revised).isEqualTo(Contact.reconstitute(imported.id(), ORGANIZATION,
                ContactDetails.named("Grace Hopper").withEmail("grace@example.com"),
                ContactSource.importedBy(importId), null, 1, NOW, NOW));
        assertThat(revised.source().importIdOrNull()).isEqualTo(importId);
    }

    @Test
    void aSearchNeedsText() {
        assertThatThrownBy(() -> new ContactSearch("  ", ContactFilter.NONE))
                .isInstanceOfSatisfying(InvariantViolationException.class, e -> assertThat(e.field()).isEqualTo("q"));
        assertThat(new ContactSearch("  Jon Smtih ", ContactFilter.NONE).text()).isEqualTo("Jon Smtih");
    }
}
