package dev.tenantcore.idempotency.application;

import java.util.Arrays;
import java.util.Objects;

/**
 * The first response to a request sent with an idempotency key, as a retry of that request gets it again.
 *
 * @param fingerprint SHA-256 of the request (method, path, query, body): a retry must be the same request
 * @param status      the success status (2xx); failures are not kept, since they wrote nothing
 * @param location    the Location header, if any
 * @param entityTag   the ETag header, if any
 * @param body        the JSON body, or null when there was none or it is withheld
 * @param withheld    whether a body was withheld: one that showed a secret once (never stored), or one too large
 */
public record KeptResponse(byte[] fingerprint, int status, String location, String entityTag, String body,
        boolean withheld) {
    public KeptResponse {
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (fingerprint.length != 32) {
            throw new IllegalArgumentException("a fingerprint is a SHA-256 digest, 32 bytes");
        }
        if (status < 200 || status > 299) {
            throw new IllegalArgumentException("only successes are kept, not " + status);
        }
        if (withheld && body != null) {
            throw new IllegalArgumentException("a withheld body is not kept");
        }
        fingerprint = fingerprint.clone();
    }

    @Override
    public byte[] fingerprint() {
        return fingerprint.clone();
    }

    public boolean answers(byte[] requestFingerprint) {
        return Arrays.equals(fingerprint, requestFingerprint);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeptResponse that && Arrays.equals(fingerprint, that.fingerprint)
                && status == that.status && Objects.equals(location, that.location)
                && Objects.equals(entityTag, that.entityTag) && Objects.equals(body, that.body)
                && withheld == that.withheld;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(fingerprint), status, location, entityTag, body, withheld);
    }

    @Override
    public String toString() {
        return "KeptResponse[status=" + status + ", location=" + location + "]";
    }
}
