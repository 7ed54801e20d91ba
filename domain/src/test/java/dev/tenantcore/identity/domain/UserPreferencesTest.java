package dev.tenantcore.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.shared.domain.InvariantViolationException;
import org.junit.jupiter.api.Test;

class UserPreferencesTest {

    @Test
    void themesAreNamedInLowerCase() {
        assertThat(UserPreferences.Theme.fromCode("dark")).isEqualTo(UserPreferences.Theme.DARK);
        assertThat(UserPreferences.Theme.SYSTEM.code()).isEqualTo("system");
        for (var unknown : new String[] {"DARK", "blue", ""}) {
            assertThatThrownBy(() -> UserPreferences.Theme.fromCode(unknown))
                    .isInstanceOf(InvariantViolationException.class)
                    .hasMessage("theme must be one of system, light, dark")
                    .extracting("field").isEqualTo("theme");
        }
    }
}
