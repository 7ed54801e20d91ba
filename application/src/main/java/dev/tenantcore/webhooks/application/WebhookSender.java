package dev.tenantcore.webhooks.application;

import java.util.Map;

/** Sends one signed request; never throws for what the target does (refuses, times out, answers 500). */
public interface WebhookSender {

    Outcome send(String url, Map<String, String> headers, String body);

    /** @param status the HTTP status, or null if there was no answer; @param error why not, or null */
    record Outcome(Integer status, int durationMillis, String error) {
        public boolean succeeded() {
            return status != null && status >= 200 && status < 300;
        }
    }
}
