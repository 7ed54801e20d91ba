package dev.tenantcore.idempotency.adapter.web;

import io.micronaut.http.HttpStatus;

/**
 * The Idempotency-Key header's value. The draft makes it a Structured Field string ({@code "..."}); clients that
 * send the bare key are common, and both mean the same key.
 */
final class IdempotencyKeyHeader {
    static final int MAX_LENGTH = 255;

    private IdempotencyKeyHeader() {
    }

    /** The key, or a 400 refusal naming what is wrong with the header. */
    static String parse(String header) {
        var value = header.strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
            if (value.indexOf('"') >= 0 || value.indexOf('\\') >= 0) {
                throw malformed();
            }
        }
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw malformed();
        }
        for (var i = 0; i < value.length(); i++) {
            var c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw malformed();
            }
        }
        return value;
    }

    private static IdempotencyRefusal malformed() {
        return new IdempotencyRefusal(HttpStatus.BAD_REQUEST, "Idempotency-Key must be 1 to " + MAX_LENGTH
                + " printable ASCII characters, optionally in double quotes (a UUID, for instance).", null);
    }
}
