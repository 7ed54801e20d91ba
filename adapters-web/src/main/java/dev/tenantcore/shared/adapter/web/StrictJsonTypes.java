package dev.tenantcore.shared.adapter.web;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Request bodies must use JSON's own types. Micronaut Serde would otherwise coerce: {@code "maybe"} into
 * {@code false}, {@code 123} into {@code "123"}. A value of the wrong type is a 400 that names the problem.
 */
final class StrictJsonTypes {
    private StrictJsonTypes() {
    }

    @Singleton
    static final class StrictBooleans implements Deserializer<Boolean> {
        @Override
        public Boolean deserialize(Decoder decoder, DecoderContext context, Argument<? super Boolean> type)
                throws IOException {
            var node = decoder.decodeNode();
            if (!node.isBoolean()) {
                throw decoder.createDeserializationException("expected true or false", node.toString());
            }
            return node.getBooleanValue();
        }

        @Override
        public Boolean deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super Boolean> type)
                throws IOException {
            return decoder.decodeNull() ? null : deserialize(decoder, context, type);
        }
    }

    @Singleton
    static final class StrictStrings implements Deserializer<String> {
        @Override
        public String deserialize(Decoder decoder, DecoderContext context, Argument<? super String> type)
                throws IOException {
            var node = decoder.decodeNode();
            if (!node.isString()) {
                throw decoder.createDeserializationException("expected a string", node.toString());
            }
            return node.getStringValue();
        }

        @Override
        public String deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super String> type)
                throws IOException {
            return decoder.decodeNull() ? null : deserialize(decoder, context, type);
        }
    }
}
