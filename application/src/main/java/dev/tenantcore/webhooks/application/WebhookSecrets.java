package dev.tenantcore.webhooks.application;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.webhooks.domain.Webhook;
import dev.tenantcore.webhooks.domain.WebhookId;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/** Standard Webhooks signing secrets: {@code whsec_} and the base64 of 32 random bytes. */
public final class WebhookSecrets {
    public static final String PREFIX = "whsec_";
    /** How long the secret before a rotation still signs deliveries. */
    public static final Duration OVERLAP = Duration.ofHours(24);
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecrets() {
    }

    static byte[] newKey() {
        var key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    static String shown(byte[] key) {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** What the cipher binds a webhook's secret to. */
    static String context(Webhook webhook) {
        return context(webhook.organizationId(), webhook.id());
    }

    static String context(OrganizationId organizationId, WebhookId webhookId) {
        return "webhook:" + organizationId.value() + "/" + webhookId.value();
    }
}
