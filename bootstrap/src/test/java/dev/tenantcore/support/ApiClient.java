package dev.tenantcore.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Talks to the real HTTP server the way a client would: raw JSON text in (so tests can send malformed input),
 * status, headers and parsed JSON out.
 */
public final class ApiClient {
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final JsonMapper json;

    public ApiClient(URI base, JsonMapper json) {
        this.base = base;
        this.json = json;
    }

    public Response get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public Response post(String path, String body, String... headers) {
        return send("POST", path, body, headers);
    }

    public Response patch(String path, String body, String... headers) {
        return send("PATCH", path, body, headers);
    }

    public Response delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    /**
     * A multipart/form-data POST: {@code fields} as text parts, {@code file} (if not null) as the part "file" named
     * {@code fileName}.
     */
    public Response upload(String path, Map<String, String> fields, String fileName, byte[] file,
            String... headers) {
        var boundary = "tenantcore-" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        var text = new StringBuilder();
        fields.forEach((name, value) -> text.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        body.writeBytes(text.toString().getBytes(UTF_8));
        if (file != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n")
                    .getBytes(UTF_8));
            body.writeBytes(file);
            body.writeBytes("\r\n".getBytes(UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(UTF_8));
        var request = HttpRequest.newBuilder(base.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code headers} are name/value pairs; a body is sent as application/json. */
    public Response send(String method, String path, String body, String... headers) {
        var request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, Map<String, List<String>> headers, String body, JsonMapper mapper) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().getFirst())
                    .findFirst().orElse(null);
        }

        public Map<String, Object> json() {
            try {
                return mapper.readValue(body, Argument.mapOf(String.class, Object.class));
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> object(String field) {
            return (Map<String, Object>) json().get(field);
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> items() {
            return (List<Map<String, Object>>) json().get("items");
        }

        /** An NDJSON body: one JSON object per line. */
        public List<Map<String, Object>> lines() {
            return body.lines().map(line -> {
                try {
                    return mapper.readValue(line, Argument.mapOf(String.class, Object.class));
                } catch (IOException e) {
                    throw new UncheckedIOException("not a JSON line: " + line, e);
                }
            }).toList();
        }

        public String string(String field) {
            var value = json().get(field);
            return value == null ? null : value.toString();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
