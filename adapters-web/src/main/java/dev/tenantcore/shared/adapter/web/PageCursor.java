package dev.tenantcore.shared.adapter.web;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.convert.TypeConverter;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The opaque {@code cursor} of a keyset-paginated list: the id of the last item of the previous page, base64url
 * encoded. Opaque so clients do not build their own, and so the encoding can change without breaking them.
 */
public record PageCursor(UUID after) {

    public static PageCursor decode(String value) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a cursor returned by this API");
        }
        if (bytes.length != 16) {
            throw new IllegalArgumentException("not a cursor returned by this API");
        }
        var buffer = ByteBuffer.wrap(bytes);
        return new PageCursor(new UUID(buffer.getLong(), buffer.getLong()));
    }

    public String encode() {
        var buffer = ByteBuffer.allocate(16).putLong(after.getMostSignificantBits())
                .putLong(after.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    /** Lets controllers take {@code @QueryValue PageCursor cursor}; a bad value is a 400 naming the parameter. */
    @Singleton
    static final class Converter implements TypeConverter<String, PageCursor> {
        @Override
        public Optional<PageCursor> convert(String value, Class<PageCursor> targetType, ConversionContext context) {
            try {
                return Optional.of(decode(value));
            } catch (IllegalArgumentException e) {
                context.reject(value, e);
                return Optional.empty();
            }
        }
    }
}
