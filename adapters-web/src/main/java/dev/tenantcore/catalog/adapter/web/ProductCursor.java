package dev.tenantcore.catalog.adapter.web;

import dev.tenantcore.catalog.domain.ProductId;
import dev.tenantcore.catalog.domain.ProductSearchCursor;
import dev.tenantcore.shared.adapter.web.PageCursor;
import dev.tenantcore.shared.domain.InvariantViolationException;
import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.convert.TypeConverter;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code cursor} of GET /v1/products: a list's (the last id, as {@link PageCursor} encodes it) or a search's
 * (the last result's rank and id, base64url). Opaque to clients; a search cursor given to a list, or the other way
 * round, is refused.
 *
 * @param rankOrNull the rank, for a search's cursor; null for a list's
 */
record ProductCursor(Float rankOrNull, UUID after) {
    private static final int SEARCH_BYTES = Float.BYTES + 16;

    static String of(ProductSearchCursor cursor) {
        var buffer = ByteBuffer.allocate(SEARCH_BYTES).putFloat(cursor.rank())
                .putLong(cursor.id().value().getMostSignificantBits())
                .putLong(cursor.id().value().getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    static ProductCursor decode(String value) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a cursor returned by this API");
        }
        if (bytes.length == 16) {
            return new ProductCursor(null, PageCursor.decode(value).after());
        }
        var buffer = ByteBuffer.wrap(bytes);
        if (bytes.length != SEARCH_BYTES) {
            throw new IllegalArgumentException("not a cursor returned by this API");
        }
        var rank = buffer.getFloat();
        if (!Float.isFinite(rank)) {
            throw new IllegalArgumentException("not a cursor returned by this API");
        }
        return new ProductCursor(rank, new UUID(buffer.getLong(), buffer.getLong()));
    }

    ProductId listAfter() {
        if (rankOrNull != null) {
            throw new InvariantViolationException("cursor", "a search's cursor continues only the same search (q)");
        }
        return new ProductId(after);
    }

    ProductSearchCursor searchAfter() {
        if (rankOrNull == null) {
            throw new InvariantViolationException("cursor", "a list's cursor does not continue a search (q)");
        }
        return new ProductSearchCursor(rankOrNull, new ProductId(after));
    }

    /** Lets the controller take {@code @QueryValue ProductCursor cursor}; a bad value is a 400 naming it. */
    @Singleton
    static final class Converter implements TypeConverter<String, ProductCursor> {
        @Override
        public Optional<ProductCursor> convert(String value, Class<ProductCursor> targetType,
                ConversionContext context) {
            try {
                return Optional.of(decode(value));
            } catch (IllegalArgumentException e) {
                context.reject(value, e);
                return Optional.empty();
            }
        }
    }
}
