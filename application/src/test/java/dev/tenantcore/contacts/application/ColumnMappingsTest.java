package dev.tenantcore.contacts.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.contacts.domain.ContactField;
import dev.tenantcore.shared.domain.InvariantViolationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnMappingsTest {

    @Test
    void usualHeaderNamesAreRecognisedWhateverTheirCaseSpacesAndPunctuation() {
        var mapping = ColumnMappings.resolve(null, List.of("First Name", "SURNAME", "Email Address", "Cell Phone",
                "Job Title", "Dept.", "Remarks", "Shoe size"));

        assertThat(mapping).containsExactlyInAnyOrderEntriesOf(Map.of(ContactField.FIRST_NAME, "First Name",
                ContactField.LAST_NAME, "SURNAME", ContactField.EMAIL, "Email Address", ContactField.PHONE,
                "Cell Phone", ContactField.ROLE, "Job Title", ContactField.DEPARTMENT, "Dept.", ContactField.NOTES,
                "Remarks"));
        assertThat(ColumnMappings.resolve(null, List.of("Name", "E-mail"))).containsEntry(ContactField.EMAIL,
                "E-mail");
    }

    @Test
    void aGivenMappingIsTakenAsItIsAndMustNameColumnsOfTheFile() {
        var headers = List.of("Who", "Mail", "email");

        assertThat(ColumnMappings.resolve(Map.of("name", "Who", "email", "Mail"), headers))
                .containsExactlyInAnyOrderEntriesOf(Map.of(ContactField.NAME, "Who", ContactField.EMAIL, "Mail"));
        assertThatThrownBy(() -> ColumnMappings.resolve(Map.of("name", "Who", "email", "Address"), headers))
                .isInstanceOf(InvariantViolationException.class).hasMessageContaining("'Address'");
        assertThatThrownBy(() -> ColumnMappings.resolve(Map.of("name", "Who", "nickname", "Mail"), headers))
                .isInstanceOf(InvariantViolationException.class).hasMessageContaining("'nickname'");
    }

    @Test
    void aFileWithoutANameColumnCannotBeImported() {
        assertThatThrownBy(() -> ColumnMappings.resolve(null, List.of("email", "phone")))
                .isInstanceOf(InvariantViolationException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> ColumnMappings.resolve(Map.of("email", "email"), List.of("name", "email")))
                .isInstanceOf(InvariantViolationException.class).hasMessageContaining("name");
    }
}
