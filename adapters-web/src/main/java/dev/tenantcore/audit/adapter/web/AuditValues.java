package dev.tenantcore.audit.adapter.web;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;

/**
 * Recorded values as the API shows them. The database records rows with their column names (due_date); the API
 * speaks camelCase (dueDate), so the top-level names are converted. Values stay as recorded.
 */
@Singleton
final class AuditValues {
    private final JsonMapper json;

    AuditValues(JsonMapper json) {
        this.json = json;
    }

    JsonNode toJson(String recorded) {
        if (recorded == null) {
            return null;
        }
        try {
            var node = json.readValue(recorded, JsonNode.class);
            var renamed = new LinkedHashMap<String, JsonNode>();
            node.entries().forEach(entry -> renamed.put(camelCase(entry.getKey()), entry.getValue()));
            return JsonNode.createObjectNode(renamed);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable audit values", e);
        }
    }

    // Private: MapStruct would otherwise take a visible String -> String method for every String property.
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
