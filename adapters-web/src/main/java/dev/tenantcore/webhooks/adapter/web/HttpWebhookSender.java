package dev.tenantcore.webhooks.adapter.web;

import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.webhooks.application.WebhookSender;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * Sends deliveries with java.net.http: 10 s to connect and 10 s for the answer, redirects never followed (a 3xx
 * is a failed attempt), the target checked again at each attempt and its addresses pinned while the request runs,
 * and at most {@value #RESPONSE_BYTES_READ} bytes of the answer read.
 */
@Singleton
final class HttpWebhookSender implements WebhookSender {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final int RESPONSE_BYTES_READ = 1024;

    private final WebhookTargetPolicy targets;
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    HttpWebhookSender(WebhookTargetPolicy targets) {
        this.targets = targets;
    }

    @Override
    public Outcome send(String url, Map<String, String> headers, String body) {
        var started = System.nanoTime();
        var host = URI.create(url).getHost();
        try {
            var addresses = targets.addressesToConnectTo(url);
            PinnedAddresses.pin(host, addresses);
            try {
                var request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                        .POST(HttpRequest.BodyPublishers.ofString(body));
                headers.forEach(request::header);
                var response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream answer = response.body()) {
                    answer.readNBytes(RESPONSE_BYTES_READ); // the status is the answer; the body is not kept
                }
                return new Outcome(response.statusCode(), millisSince(started), null);
            } finally {
                PinnedAddresses.unpin(host);
            }
        } catch (InvariantViolationException refused) {
            return new Outcome(null, millisSince(started), "refused: " + refused.getMessage());
        } catch (HttpTimeoutException e) {
            return new Outcome(null, millisSince(started), "timed out after " + TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            return new Outcome(null, millisSince(started), e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while delivering", e);
        }
    }

    private static int millisSince(long started) {
        return (int) Duration.ofNanos(System.nanoTime() - started).toMillis();
    }

    @PreDestroy
    void close() {
        client.shutdownNow();
    }
}
