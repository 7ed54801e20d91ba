package dev.tenantcore.shared.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonBodiesTest {

    private static Optional<StrictJsonBodies.Violation> check(String body) {
        return StrictJsonBodies.violationIn(body.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"title\":\"a\"}",
        "  {\"title\":\"a\"}\n\t ",
        "{\"a\":{\"x\":1},\"b\":{\"x\":2}}",
        "[{\"x\":1},{\"x\":1}]",
        "{\"title\":\"\\ud83d\\ude00 and 😀\"}",
        "\"just a string\"",
        "42",
        "",
        // malformed JSON is the body binder's to refuse
        "{\"title\":",
    })
    void acceptsOneValueWithUniqueNamesAndWellFormedStrings(String body) {
        assertThat(check(body)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"title\":\"a\"} garbage                          | ",
        "{\"title\":\"a\"}{\"title\":\"b\"}                  | ",
        "42 43                                            | ",
        "{\"title\":\"first\",\"title\":\"second\"}          | title",
        "{\"owner\":{\"email\":\"a\",\"email\":\"b\"}}         | owner.email",
        "{\"items\":[{\"x\":1,\"x\":2}]}                      | items.0.x",
        "{\"title\":\"A\\ud800B\"}                           | title",
        "{\"title\":\"\\udc00\"}                             | title",
        "{\"title\":\"\\ud800\"}                             | title",
        "{\"tags\":[\"ok\",\"\\ud800\"]}                      | tags.1",
    })
    void refusesTrailingContentDuplicateNamesAndLoneSurrogates(String body, String field) {
        var violation = check(body.strip());

        assertThat(violation).isPresent();
        if (field == null) {
            assertThat(violation.get().field()).isNull();
        } else {
            assertThat(violation.get().field()).isEqualTo(field);
        }
    }
}
