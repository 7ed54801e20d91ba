package dev.tenantcore.shared.domain;

import java.util.Optional;

/**
 * A keyset page request: up to {@code limit} items strictly older than {@code after} (absent for the first page).
 *
 * @param <I> the aggregate's id type, which is time-ordered
 */
public record PageRequest<I>(I afterOrNull, int limit) {
    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 20;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvariantViolationException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
    }

    public static <I> PageRequest<I> first(int limit) {
        return new PageRequest<>(null, limit);
    }

    public Optional<I> after() {
        return Optional.ofNullable(afterOrNull);
    }
}
