package dev.tenantcore.webhooks.application;

import java.util.List;

/** A new endpoint for the caller's organization; the domain checks the URL and the event types. */
public record CreateWebhookCommand(String url, List<String> eventTypes, boolean enabled) {
}
