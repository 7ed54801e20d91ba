package dev.tenantcore.organizations.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.shared.domain.InvariantViolationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;

class SlugTest {

    static Stream<String> validSlugs() {
        return Stream.of("abc", "a-1", "acme-corp-2026", "a".repeat(63));
    }

    static Stream<String> invalidSlugs() {
        return Stream.of("", "ab", "a".repeat(64), "Acme", "ABC", "acme_corp", "acme corp", " abc", "abc ", "acmé");
    }

    @ParameterizedTest
    @MethodSource("validSlugs")
    void acceptsLowerCaseLettersDigitsAndHyphensOf3To63Characters(String value) {
        assertThat(new Slug(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @NullSource
    @MethodSource("invalidSlugs")
    void rejectsAnythingElseNamingTheField(String value) {
        assertThatThrownBy(() -> new Slug(value))
                .isInstanceOfSatisfying(InvariantViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("slug"));
    }

    @Test
    void printsAsItsValue() {
        assertThat(new Slug("acme-corp")).hasToString("acme-corp");
    }
}
