package dev.tenantcore.__context__.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class __Entity__Test {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final OrganizationId ORGANIZATION = OrganizationId.generate();

    @Test
    void aNew__Entity__IsAtItsFirstVersionWithItsNameTrimmed() {
        var created = __Entity__.create(ORGANIZATION, "  First  ", "About it", NOW);

        assertThat(created.name()).isEqualTo("First");
        assertThat(created.description()).isEqualTo("About it");
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.createdAt()).isEqualTo(NOW);
    }

    @Test
    void theNameIsRequiredAndBounded() {
        assertThatThrownBy(() -> __Entity__.create(ORGANIZATION, " ", null, NOW))
                .isInstanceOfSatisfying(InvariantViolationException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> __Entity__.create(ORGANIZATION, "n".repeat(__Entity__.NAME_MAX_LENGTH + 1), null, NOW))
                .isInstanceOf(InvariantViolationException.class);
    }

    @Test
    void revisingKeepsIdentityVersionAndTimestamps() {
        var created = __Entity__.create(ORGANIZATION, "First", "About it", NOW);

        var revised = created.revised("Second", null);

        assertThat(revised).isEqualTo(__Entity__.reconstitute(created.id(), ORGANIZATION, "Second", null, 1, NOW, NOW));
    }
}
