package dev.tenantcore.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void oneRowMoreThanTheLimitMeansMoreExistAndKeepsExactlyLimitItems() {
        Page<String> page = Page.fromOverfetch(List.of("e", "d", "c", "b"), 3);

        assertThat(page.hasMore()).isTrue();
        assertThat(page.items()).containsExactly("e", "d", "c");
    }

    @Test
    void exactlyLimitRowsMeansNoMore() {
        Page<String> page = Page.fromOverfetch(List.of("c", "b", "a"), 3);

        assertThat(page.hasMore()).isFalse();
        assertThat(page.items()).containsExactly("c", "b", "a");
    }

    @Test
    void fewerRowsThanTheLimitMeansNoMore() {
        Page<String> page = Page.fromOverfetch(List.of("b", "a"), 3);

        assertThat(page.hasMore()).isFalse();
        assertThat(page.items()).containsExactly("b", "a");
    }

    @Test
    void noRowsGiveAnEmptyLastPage() {
        Page<String> page = Page.fromOverfetch(List.of(), 3);

        assertThat(page.hasMore()).isFalse();
        assertThat(page.items()).isEmpty();
    }

    @Test
    void lastIsTheFinalItemOfThePageNotTheOverfetchedRow() {
        Page<String> page = Page.fromOverfetch(List.of("e", "d", "c", "b"), 3);

        assertThat(page.last()).isEqualTo("c");
    }

    @Test
    void itemsAreACopyUnaffectedByChangesToTheQueryResult() {
        List<String> rows = new ArrayList<>(List.of("c", "b", "a"));
        Page<String> page = Page.fromOverfetch(rows, 2);

        rows.set(0, "changed");

        assertThat(page.items()).containsExactly("c", "b");
    }
}
