package dev.tenantcore.organizations.domain;

import static dev.tenantcore.organizations.domain.OrganizationTestData.anOrganization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrganizationTest {

    private static final Instant NOW = Instant.parse("2026-02-03T04:05:06Z");

    @Test
    void createStartsAtVersionOneWithBothTimestampsNow() {
        OrganizationId id = OrganizationId.generate();
        Slug slug = new Slug("acme");

        Organization organization = Organization.create(id, "Acme", slug, NOW);

        assertThat(organization.id()).isEqualTo(id);
        assertThat(organization.name()).isEqualTo("Acme");
        assertThat(organization.slug()).isEqualTo(slug);
        assertThat(organization.version()).isEqualTo(1);
        assertThat(organization.createdAt()).isEqualTo(NOW);
        assertThat(organization.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void createStripsTheName() {
        Organization organization = Organization.create(OrganizationId.generate(), "  Acme  ", new Slug("acme"), NOW);

        assertThat(organization.name()).isEqualTo("Acme");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void createRejectsAMissingNameNamingTheField(String name) {
        assertThatThrownBy(() -> Organization.create(OrganizationId.generate(), name, new Slug("acme"), NOW))
                .isInstanceOfSatisfying(InvariantViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("name"));
    }

    @Test
    void acceptsANameOfExactly200Characters() {
        String name = "n".repeat(Organization.NAME_MAX_LENGTH);

        assertThat(anOrganization().withName(name).build().name()).isEqualTo(name);
    }

    @Test
    void rejectsANameOver200CharactersNamingTheField() {
        String name = "n".repeat(Organization.NAME_MAX_LENGTH + 1);

        assertThatThrownBy(() -> anOrganization().withName(name).build())
                .isInstanceOfSatisfying(InvariantViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("name"));
    }

    @Test
    void renamedReplacesOnlyTheName() {
        Organization original = anOrganization().withName("Acme").withVersion(4).build();

        Organization renamed = original.renamed("  Acme Worldwide ");

        assertThat(renamed.name()).isEqualTo("Acme Worldwide");
        assertThat(renamed.id()).isEqualTo(original.id());
        assertThat(renamed.slug()).isEqualTo(original.slug());
        assertThat(renamed.version()).isEqualTo(4);
        assertThat(renamed.createdAt()).isEqualTo(original.createdAt());
        assertThat(original.name()).isEqualTo("Acme");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " \t "})
    void renamedRejectsAMissingName(String newName) {
        Organization organization = anOrganization().build();

        assertThatThrownBy(() -> organization.renamed(newName))
                .isInstanceOfSatisfying(InvariantViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("name"));
    }

    @Test
    void renamedRejectsAnOverLongName() {
        Organization organization = anOrganization().build();

        assertThatThrownBy(() -> organization.renamed("n".repeat(Organization.NAME_MAX_LENGTH + 1)))
                .isInstanceOfSatisfying(InvariantViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("name"));
    }

    @Test
    void testDataGivesEveryOrganizationItsOwnSlug() {
        Set<Slug> slugs = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            slugs.add(anOrganization().build().slug());
        }

        assertThat(slugs).hasSize(1_000);
    }
}
