package dev.tenantcore.webhooks.domain;

import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An organization's webhook endpoint. Its signing secret is not part of it: the secret is shown once at creation
 * and rotation, and otherwise only the delivery reads it (encrypted at rest).
 *
 * @param disabledAt when the service disabled it after five days of failures; null otherwise
 */
public record Webhook(
        WebhookId id,
        OrganizationId organizationId,
        String url,
        List<String> eventTypes,
        boolean enabled,
        Instant disabledAt,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static final int URL_MAX_LENGTH = 2000;

    public Webhook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        url = validUrl(url);
        eventTypes = WebhookEventTypes.validated(eventTypes);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static Webhook create(OrganizationId organizationId, String url, List<String> eventTypes,
            boolean enabled, Instant now) {
        return new Webhook(WebhookId.generate(), organizationId, url, eventTypes, enabled, null, 1, now, now);
    }

    /** A webhook as storage holds it. */
    public static Webhook reconstitute(WebhookId id, OrganizationId organizationId, String url,
            List<String> eventTypes, boolean enabled, Instant disabledAt, long version, Instant createdAt,
            Instant updatedAt) {
        return new Webhook(id, organizationId, url, eventTypes, enabled, disabledAt, version, createdAt, updatedAt);
    }

    /** The webhook with its editable fields replaced; enabling it again clears an automatic disabling. */
    public Webhook revised(String newUrl, List<String> newEventTypes, boolean nowEnabled) {
        return new Webhook(id, organizationId, newUrl, newEventTypes, nowEnabled, nowEnabled ? null : disabledAt,
                version, createdAt, updatedAt);
    }

    /**
     * An absolute http(s) URL with a host and no user information (credentials in a URL end up in logs). Whether
     * plain http or the host's addresses are acceptable is the target policy's decision, not the domain's.
     */
    static String validUrl(String url) {
        if (url == null || url.isBlank() || url.length() > URL_MAX_LENGTH) {
            throw new InvariantViolationException("url", "url must be 1 to " + URL_MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvariantViolationException("url", "url is not a valid URL");
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new InvariantViolationException("url", "url must be an https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new InvariantViolationException("url", "url must name a host, without user information or "
                    + "fragment");
        }
        return uri.toString();
    }
}
