package dev.tenantcore.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.shared.domain.InvariantViolationException;
import org.junit.jupiter.api.Test;

class PreferenceSettingsTest {

    private static String objectOfSize(int bytes) {
        var prefix = "{\"k\":\"";
        var suffix = "\"}";
        return prefix + "x".repeat(bytes - prefix.length() - suffix.length()) + suffix;
    }

    @Test
    void holdsAJsonObjectUpTo64KiB() {
        var largest = objectOfSize(PreferenceSettings.MAX_BYTES);
        assertThat(new PreferenceSettings(largest).json()).hasSize(65536);
        assertThatThrownBy(() -> new PreferenceSettings(objectOfSize(PreferenceSettings.MAX_BYTES + 1)))
                .isInstanceOf(InvariantViolationException.class).extracting("field").isEqualTo("settings");
    }

    @Test
    void countsBytesNotCharactersAndIgnoresBlanksBetweenTokens() {
        // 'é' is two bytes in UTF-8: a string of them reaches the limit at half the characters.
        var prefix = "{\"k\":\"";
        var twoByteCharacters = (PreferenceSettings.MAX_BYTES - prefix.length() - 2) / 2;
        var justFits = prefix + "é".repeat(twoByteCharacters) + "\"}";
        assertThat(new PreferenceSettings(justFits)).isNotNull();
        assertThatThrownBy(() -> new PreferenceSettings(prefix + "é".repeat(twoByteCharacters + 1) + "\"}"))
                .isInstanceOf(InvariantViolationException.class);
        // PostgreSQL prints jsonb with a blank after every colon and comma: the same object, the same size.
        var spaced = "{\"k\": \"" + "x".repeat(PreferenceSettings.MAX_BYTES - 8) + "\"}";
        assertThat(new PreferenceSettings(spaced)).isNotNull();
        // Blanks inside strings are content, and count.
        assertThatThrownBy(() -> new PreferenceSettings("{\"k\":\"" + " ".repeat(PreferenceSettings.MAX_BYTES) + "\"}"))
                .isInstanceOf(InvariantViolationException.class);
    }

    @Test
    void refusesWhatIsNotAnObject() {
        for (var notAnObject : new String[] {"[]", "\"text\"", "42", "null", ""}) {
            assertThatThrownBy(() -> new PreferenceSettings(notAnObject))
                    .isInstanceOf(InvariantViolationException.class).hasMessage("settings must be a JSON object");
        }
    }

    @Test
    void refusesNulCharactersButNotAnEscapedBackslashBeforeU0000() {
        assertThatThrownBy(() -> new PreferenceSettings("{\"k\":\"a\\u0000b\"}"))
                .isInstanceOf(InvariantViolationException.class).hasMessageContaining("NUL");
        assertThatThrownBy(() -> new PreferenceSettings("{\"k\":\"a\u0000b\"}"))
                .isInstanceOf(InvariantViolationException.class).hasMessageContaining("NUL");
        assertThat(new PreferenceSettings("{\"k\":\"a\\\\u0000b\"}").json()).contains("u0000");
    }

    @Test
    void doesNotPrintItsContent() {
        assertThat(new PreferenceSettings("{\"diary\":\"secret\"}").toString()).doesNotContain("secret");
    }
}
