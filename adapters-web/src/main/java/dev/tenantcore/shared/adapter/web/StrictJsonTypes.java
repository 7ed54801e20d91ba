package dev.tenantcore.shared.adapter.web;

import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Request bodies must use JSON's own types. Micronaut Serde would otherwise coerce: {@code "maybe"} into
 * {@code false}, {@code 123} into {@code "123"}, and a number into an instant as seconds since 1970 ({@code 1e308}
 * into 1970-01-01), and {@code 24.99} into the integer 24 (a price in minor units silently cut). A value of the wrong
 * type is a 400 that names the problem.
 */
final class StrictJsonTypes {
    private StrictJsonTypes() {
    }

    private abstract static class Strict<T> implements Deserializer<T> {
        private final String expected;

        Strict(String expected) {
            this.expected = expected;
        }

        abstract boolean accepts(JsonNode node);

        abstract T valueOf(JsonNode node);

        @Override
        public final T deserialize(Decoder decoder, DecoderContext context, Argument<? super T> type)
                throws IOException {
            var node = decoder.decodeNode();
            if (!accepts(node)) {
                throw decoder.createDeserializationException("expected " + expected, node.toString());
            }
            return valueOf(node);
        }

        @Override
        public final T deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super T> type)
                throws IOException {
            return decoder.decodeNull() ? null : deserialize(decoder, context, type);
        }
    }

    @Singleton
    static final class StrictBooleans extends Strict<Boolean> {
        StrictBooleans() {
            super("true or false");
        }

        @Override
        boolean accepts(JsonNode node) {
            return node.isBoolean();
        }

        @Override
        Boolean valueOf(JsonNode node) {
            return node.getBooleanValue();
        }
    }

    @Singleton
    static final class StrictStrings extends Strict<String> {
        StrictStrings() {
            super("a string");
        }

        @Override
        boolean accepts(JsonNode node) {
            return node.isString();
        }

        @Override
        String valueOf(JsonNode node) {
            return node.getStringValue();
        }
    }

    @Singleton
    static final class StrictInstants extends Strict<Instant> {
        StrictInstants() {
            super("an ISO-8601 instant such as 2026-12-01T17:00:00Z");
        }

        @Override
        boolean accepts(JsonNode node) {
            if (!node.isString()) {
                return false;
            }
            try {
                Instant.parse(node.getStringValue());
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }

        @Override
        Instant valueOf(JsonNode node) {
            return Instant.parse(node.getStringValue());
        }
    }

    /** Integral JSON numbers only: a fraction or an exponent is refused, never rounded or cut. */
    private static boolean integral(JsonNode node, long min, long max) {
        if (!node.isNumber()) {
            return false;
        }
        var number = node.getNumberValue();
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
            return number.longValue() >= min && number.longValue() <= max;
        }
        if (number instanceof BigInteger big) {
            return big.bitLength() < 64 && big.longValue() >= min && big.longValue() <= max;
        }
        return false;
    }

    @Singleton
    static final class StrictLongs extends Strict<Long> {
        StrictLongs() {
            super("an integer");
        }

        @Override
        boolean accepts(JsonNode node) {
            return integral(node, Long.MIN_VALUE, Long.MAX_VALUE);
        }

        @Override
        Long valueOf(JsonNode node) {
            return node.getNumberValue().longValue();
        }
    }

    @Singleton
    static final class StrictIntegers extends Strict<Integer> {
        StrictIntegers() {
            super("an integer of at most 10 digits");
        }

        @Override
        boolean accepts(JsonNode node) {
            return integral(node, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }

        @Override
        Integer valueOf(JsonNode node) {
            return node.getNumberValue().intValue();
        }
    }
}
