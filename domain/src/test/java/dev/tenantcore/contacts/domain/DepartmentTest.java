package dev.tenantcore.contacts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DepartmentTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final OrganizationId ORGANIZATION = OrganizationId.generate();

    @Test
    void aNewDepartmentIsAtItsFirstVersionWithItsNameTrimmed() {
        var created = Department.create(ORGANIZATION, "  Visual Effects  ", NOW);

        assertThat(created.name()).isEqualTo("Visual Effects");
        assertThat(created.version()).isEqualTo(1);
    }

    @Test
    void theNameIsRequiredAndBounded() {
        assertThatThrownBy(() -> Department.create(ORGANIZATION, " ", NOW))
                .isInstanceOfSatisfying(InvariantViolationException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> Department.create(ORGANIZATION, "n".repeat(Department.NAME_MAX_LENGTH + 1), NOW))
                .isInstanceOf(InvariantViolationException.class);
    }

    @Test
    void theDefaultCatalogueIsTheCallSheetsDepartments() {
        assertThat(Department.DEFAULT_CATALOGUE).hasSize(12).startsWith("Production", "Camera", "Grip")
                .contains("Hair & Makeup").endsWith("Cast").doesNotHaveDuplicates();
    }

    @Test
    void renamingKeepsIdentityVersionAndTimestamps() {
        var created = Department.create(ORGANIZATION, "Camera", NOW);

        assertThat(created.renamed("Camera & Lenses"))
                .isEqualTo(Department.reconstitute(created.id(), ORGANIZATION, "Camera & Lenses", 1, NOW, NOW));
    }
}
