package dev.tenantcore.webhooks.domain;

import dev.tenantcore.shared.domain.InvariantViolationException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The events an endpoint may subscribe to: the ones the outbox triggers of migration V16 raise. */
public final class WebhookEventTypes {
    public static final Set<String> ALL = Set.of(
            "task.created", "task.updated", "task.deleted",
            "member.added", "member.removed",
            "api_key.created", "api_key.revoked",
            "contact.created", "contact.updated", "contact.deleted");

    private WebhookEventTypes() {
    }

    /** The types sorted and without repeats; refuses an empty list and unknown types. */
    public static List<String> validated(List<String> types) {
        if (types == null || types.isEmpty()) {
            throw new InvariantViolationException("eventTypes", "eventTypes must name at least one event type");
        }
        var sorted = new TreeSet<String>();
        for (var type : types) {
            if (type == null || !ALL.contains(type)) {
                throw new InvariantViolationException("eventTypes",
                        "unknown event type '" + type + "'; known: " + new TreeSet<>(ALL));
            }
            sorted.add(type);
        }
        return List.copyOf(sorted);
    }
}
