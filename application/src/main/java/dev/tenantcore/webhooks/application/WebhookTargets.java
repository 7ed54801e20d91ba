package dev.tenantcore.webhooks.application;

/**
 * Where webhooks may be sent: public https addresses, and what the operator's allow-list adds. Asked when an
 * endpoint is created or its URL changed, and again by every delivery (a name may resolve elsewhere by then).
 */
public interface WebhookTargets {
    /** Refuses the URL with an InvariantViolationException on the field "url" (422) if it may not be a target. */
    void check(String url);
}
