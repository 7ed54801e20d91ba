package dev.tenantcore.contacts.adapter.web;

import dev.tenantcore.contacts.domain.JsonFields;
import dev.tenantcore.shared.domain.InvariantViolationException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Open-ended JSON (a production's metadata, a contact's custom fields) between the API and the domain. */
@Singleton
final class ContactJson {
    private final JsonMapper json;

    ContactJson(JsonMapper json) {
        this.json = json;
    }

    JsonNode toNode(JsonFields fields) {
        try {
            return json.readValue(fields.json(), JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable stored JSON", e);
        }
    }

    /** What a client sent, re-serialised compactly; null stays null (absent), and only an object is accepted. */
    JsonFields toFields(String field, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new InvariantViolationException(field, field + " must be a JSON object");
        }
        try {
            return JsonFields.checked(field, new String(json.writeValueAsBytes(node), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
