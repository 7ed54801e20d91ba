package dev.tenantcore.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextTest {

    /** U+1F600, one code point encoded as two UTF-16 chars. */
    private static final String EMOJI = "\uD83D\uDE00";

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "   ", "\t", "\n \r\n"})
    void requiredRejectsMissingOrBlankTextNamingTheField(String missing) {
        assertThatThrownBy(() -> Text.required("title", missing, 10))
                .isInstanceOfSatisfying(InvariantViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("title"));
    }

    @Test
    void requiredStripsSurroundingWhitespace() {
        assertThat(Text.required("title", " \t Quarterly report \n", 50)).isEqualTo("Quarterly report");
    }

    @Test
    void requiredChecksTheLengthAfterStripping() {
        assertThat(Text.required("title", "   abc   ", 3)).isEqualTo("abc");
    }

    @Test
    void requiredAcceptsTextOfExactlyTheMaximumLength() {
        assertThat(Text.required("title", "abcde", 5)).isEqualTo("abcde");
    }

    @Test
    void requiredRejectsTextOneCharacterTooLongNamingTheField() {
        assertThatThrownBy(() -> Text.required("title", "abcdef", 5))
                .isInstanceOfSatisfying(InvariantViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("title"));
    }

    @Test
    void requiredCountsCodePointsNotUtf16Chars() {
        String threeEmoji = EMOJI.repeat(3);

        assertThat(threeEmoji).hasSize(6);
        assertThat(Text.required("name", threeEmoji, 3)).isEqualTo(threeEmoji);
        assertThatThrownBy(() -> Text.required("name", EMOJI.repeat(4), 3))
                .isInstanceOf(InvariantViolationException.class);
    }

    @Test
    void optionalLeavesNullAsNull() {
        assertThat(Text.optional("description", null, 5)).isNull();
    }

    @Test
    void optionalAcceptsTextWithinTheLimit() {
        assertThat(Text.optional("description", "abcde", 5)).isEqualTo("abcde");
    }

    @Test
    void optionalRejectsOverLongTextNamingTheField() {
        assertThatThrownBy(() -> Text.optional("description", "abcdef", 5))
                .isInstanceOfSatisfying(InvariantViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("description"));
    }

    @Test
    void optionalCountsCodePointsNotUtf16Chars() {
        assertThat(Text.optional("description", EMOJI.repeat(5), 5)).isEqualTo(EMOJI.repeat(5));
        assertThatThrownBy(() -> Text.optional("description", EMOJI.repeat(6), 5))
                .isInstanceOf(InvariantViolationException.class);
    }
}
