package dev.tenantcore.idempotency.adapter.web;

import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What makes two requests the same request, as SHA-256: the method, the path and query as sent, and the values
 * the controller receives from the body (each {@code @Body} and {@code @Part} argument, and file uploads by their
 * name, type and bytes) and from headers it reads ({@code @Header}). The body counts as the controller reads it,
 * so a retry that only reformats its JSON is still the same request.
 */
@Singleton
final class RequestFingerprints {
    private final JsonMapper json;

    RequestFingerprints(JsonMapper json) {
        this.json = json;
    }

    byte[] of(HttpRequest<?> request, MethodInvocationContext<Object, Object> context) {
        var digest = sha256();
        field(digest, request.getMethodName());
        field(digest, request.getUri().getRawPath());
        field(digest, request.getUri().getRawQuery());
        var arguments = context.getArguments();
        var values = context.getParameterValues();
        for (var i = 0; i < arguments.length; i++) {
            var argument = arguments[i];
            var value = values[i];
            if (value instanceof CompletedFileUpload upload) {
                field(digest, argument.getName());
                field(digest, upload.getFilename());
                field(digest, upload.getContentType().map(Object::toString).orElse(null));
                try {
                    digest.update(upload.getBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException("an upload could not be read for its fingerprint", e);
                }
            } else if (argument.isAnnotationPresent(Body.class) || argument.isAnnotationPresent(Part.class)
                    || argument.isAnnotationPresent(Header.class)) {
                field(digest, argument.getName());
                digest.update(serialize(argument, value));
            }
        }
        return digest.digest();
    }

    @SuppressWarnings("unchecked")
    private byte[] serialize(Argument<?> argument, Object value) {
        if (value == null) {
            return new byte[] {0};
        }
        try {
            return json.writeValueAsBytes((Argument<Object>) argument, value);
        } catch (IOException e) {
            throw new UncheckedIOException("a request could not be fingerprinted", e);
        }
    }

    private static void field(MessageDigest digest, String value) {
        // Length-prefixed, so that no two different field sequences read as the same bytes.
        var bytes = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(value == null ? -1 : bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
