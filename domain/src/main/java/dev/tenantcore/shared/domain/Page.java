package dev.tenantcore.shared.domain;

import java.util.List;

/** One page of a keyset-paginated list, newest first; {@code hasMore} says whether a next page exists. */
public record Page<T>(List<T> items, boolean hasMore) {
    public Page {
        items = List.copyOf(items);
    }

    /** Builds a page from a query that fetched one row more than {@code limit} to learn whether more exist. */
    public static <T> Page<T> fromOverfetch(List<T> rows, int limit) {
        return rows.size() > limit ? new Page<>(rows.subList(0, limit), true) : new Page<>(rows, false);
    }

    public T last() {
        return items.getLast();
    }
}
