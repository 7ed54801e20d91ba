package dev.tenantcore.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageRequestTest {

    @ParameterizedTest
    @ValueSource(ints = {1, PageRequest.DEFAULT_LIMIT, PageRequest.MAX_LIMIT})
    void acceptsLimitsFromOneToTheMaximum(int limit) {
        assertThat(PageRequest.first(limit).limit()).isEqualTo(limit);
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, PageRequest.MAX_LIMIT + 1, Integer.MAX_VALUE})
    void rejectsLimitsOutsideOneToTheMaximumNamingTheField(int limit) {
        assertThatThrownBy(() -> new PageRequest<>(UUID.randomUUID(), limit))
                .isInstanceOfSatisfying(InvariantViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("limit"));
    }

    @Test
    void theFirstPageHasNoCursor() {
        assertThat(PageRequest.<UUID>first(10).after()).isEmpty();
    }

    @Test
    void aLaterPageExposesItsCursor() {
        UUID cursor = UuidV7.next();

        assertThat(new PageRequest<>(cursor, 10).after()).contains(cursor);
    }
}
