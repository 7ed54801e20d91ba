package dev.tenantcore.contacts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ProductionTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final OrganizationId ORGANIZATION = OrganizationId.generate();
    private static final LocalDate MARCH = LocalDate.parse("2027-03-01");

    private static Production production(LocalDate start, LocalDate end) {
        return Production.create(ORGANIZATION, "  The Long Night ", " TLN ", ProductionStatus.DEVELOPMENT, start, end,
                JsonFields.EMPTY, NOW);
    }

    @Test
    void aNewProductionIsAtItsFirstVersionWithNameAndCodeTrimmed() {
        var created = production(MARCH, MARCH.plusMonths(2));

        assertThat(created.name()).isEqualTo("The Long Night");
        assertThat(created.code()).isEqualTo("TLN");
        assertThat(created.version()).isEqualTo(1);
    }

    @Test
    void theEndIsNotBeforeTheStartAndEitherMayBeMissing() {
        assertThat(production(MARCH, MARCH).endDate()).isEqualTo(MARCH);
        assertThat(production(null, MARCH).startDate()).isNull();
        assertThatThrownBy(() -> production(MARCH, MARCH.minusDays(1)))
                .isInstanceOfSatisfying(InvariantViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("endDate"));
    }

    @Test
    void statusesAreTheirCodes() {
        assertThat(ProductionStatus.fromCode("pre_production")).isEqualTo(ProductionStatus.PRE_PRODUCTION);
        assertThatThrownBy(() -> ProductionStatus.fromCode("PRE_PRODUCTION"))
                .isInstanceOfSatisfying(InvariantViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("status"));
    }

    @Test
    void revisingKeepsIdentityVersionAndTimestamps() {
        var created = production(null, null);

        var revised = created.revised("Renamed", "TLN-2", ProductionStatus.WRAP, null, null, JsonFields.EMPTY);

        assertThat(revised).isEqualTo(Production.reconstitute(created.id(), ORGANIZATION, "Renamed", "TLN-2",
                ProductionStatus.WRAP, null, null, JsonFields.EMPTY, 1, NOW, NOW));
    }

    @Test
    void metadataIsASmallJsonObject() {
        assertThat(JsonFields.checked("metadata", " {\"episodes\": 6} ").json()).isEqualTo("{\"episodes\": 6}");
        assertThatThrownBy(() -> JsonFields.checked("metadata", "[1]"))
                .isInstanceOfSatisfying(InvariantViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("metadata"));
        assertThatThrownBy(() -> JsonFields.checked("metadata", "{\"a\":\"" + "x".repeat(JsonFields.MAX_LENGTH)
                + "\"}")).isInstanceOf(InvariantViolationException.class);
        assertThatThrownBy(() -> JsonFields.checked("metadata", "{\"a\":\"\\u0000\"}"))
                .isInstanceOf(InvariantViolationException.class);
    }
}
