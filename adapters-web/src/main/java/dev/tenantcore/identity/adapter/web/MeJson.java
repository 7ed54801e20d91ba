package dev.tenantcore.identity.adapter.web;

import dev.tenantcore.identity.domain.PreferenceSettings;
import dev.tenantcore.shared.domain.InvariantViolationException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;

/** JSON that passes through the caller's own resources as JSON: preference settings and recorded audit values. */
@Singleton
final class MeJson {
    private final JsonMapper json;

    MeJson(JsonMapper json) {
        this.json = json;
    }

    JsonNode settings(PreferenceSettings settings) {
        return parse(settings.json());
    }

    /** What a client sent as settings, re-serialised compactly: only a JSON object is accepted. */
    PreferenceSettings toSettings(JsonNode node) {
        if (!node.isObject()) {
            throw new InvariantViolationException("settings", "settings must be a JSON object");
        }
        try {
            return new PreferenceSettings(new String(json.writeValueAsBytes(node), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Recorded values, named as the API speaks (dueDate, not due_date), like the audit log's own endpoints. */
    JsonNode auditValues(String recorded) {
        if (recorded == null) {
            return null;
        }
        var renamed = new LinkedHashMap<String, JsonNode>();
        parse(recorded).entries().forEach(entry -> renamed.put(camelCase(entry.getKey()), entry.getValue()));
        return JsonNode.createObjectNode(renamed);
    }

    private JsonNode parse(String text) {
        try {
            return json.readValue(text, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable stored JSON", e);
        }
    }

    private static String camelCase(String column) {
        var name = new StringBuilder(column.length());
        var upper = false;
        for (var c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
