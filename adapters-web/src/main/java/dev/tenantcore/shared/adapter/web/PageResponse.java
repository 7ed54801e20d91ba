package dev.tenantcore.shared.adapter.web;

import dev.tenantcore.shared.domain.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** A page of a list: {@code nextCursor} fetches the next one, and is null on the last page. */
@Serdeable
public record PageResponse<T>(
        List<T> items,
        @Nullable @Schema(description = "Pass it back as cursor for the next page; null on the last page",
                example = "AZqPPF0ue0GcOi8eDUtqWA") String nextCursor) {

    public static <D, T> PageResponse<T> of(Page<D> page, Function<D, T> toResponse, Function<D, UUID> idOf) {
        var next = page.hasMore() ? new PageCursor(idOf.apply(page.last())).encode() : null;
        return new PageResponse<>(page.items().stream().map(toResponse).toList(), next);
    }
}
