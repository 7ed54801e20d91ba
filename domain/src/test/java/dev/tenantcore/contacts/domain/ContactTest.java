package dev.tenantcore.contacts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ContactTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final OrganizationId ORGANIZATION = OrganizationId.generate();

    @Test
    void aNewContactIsAtItsFirstVersionWithItsNameTrimmed() {
        var created = Contact.create(ORGANIZATION, "  First  ", "About it", NOW);

        assertThat(created.name()).isEqualTo("First");
        assertThat(created.description()).isEqualTo("About it");
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.createdAt()).isEqualTo(NOW);
    }

    @Test
    void theNameIsRequiredAndBounded() {
        assertThatThrownBy(() -> Contact.create(ORGANIZATION, " ", null, NOW))
                .isInstanceOfSatisfying(InvariantViolationException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> Contact.create(ORGANIZATION, "n".repeat(Contact.NAME_MAX_LENGTH + 1), null, NOW))
                .isInstanceOf(InvariantViolationException.class);
    }

    @Test
    void revisingKeepsIdentityVersionAndTimestamps() {
        var created = Contact.create(ORGANIZATION, "First", "About it", NOW);

        var revised = created.revised("Second", null);

        assertThat(revised).isEqualTo(Contact.reconstitute(created.id(), ORGANIZATION, "Second", null, 1, NOW, NOW));
    }
}
