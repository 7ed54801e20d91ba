package dev.tenantcore.audit.adapter.web;

import dev.tenantcore.audit.domain.AuditEventPosition;
import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.convert.TypeConverter;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The opaque {@code cursor} of the audit log's pages: the last event's position (its instant in microseconds, as
 * PostgreSQL stores it, and its id), base64url encoded.
 */
record AuditEventCursor(AuditEventPosition after) {
    private static final int LENGTH = Long.BYTES + 16;

    static AuditEventCursor decode(String value) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw notACursor();
        }
        if (bytes.length != LENGTH) {
            throw notACursor();
        }
        var buffer = ByteBuffer.wrap(bytes);
        var micros = buffer.getLong();
        var id = new UUID(buffer.getLong(), buffer.getLong());
        return new AuditEventCursor(new AuditEventPosition(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id));
    }

    String encode() {
        var micros = ChronoUnit.MICROS.between(Instant.EPOCH, after.occurredAt());
        var buffer = ByteBuffer.allocate(LENGTH).putLong(micros)
                .putLong(after.id().getMostSignificantBits()).putLong(after.id().getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    private static IllegalArgumentException notACursor() {
        return new IllegalArgumentException("not a cursor returned by this API");
    }

    /** Lets controllers take {@code @QueryValue AuditEventCursor cursor}; a bad value is a 400 naming it. */
    @Singleton
    static final class Converter implements TypeConverter<String, AuditEventCursor> {
        @Override
        public Optional<AuditEventCursor> convert(String value, Class<AuditEventCursor> targetType,
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
