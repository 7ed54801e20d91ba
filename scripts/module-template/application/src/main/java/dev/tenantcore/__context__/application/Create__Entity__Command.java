package dev.tenantcore.__context__.application;

import dev.tenantcore.__context__.domain.__Entity__;
import dev.tenantcore.shared.domain.Text;

/** A new __entity_words__ for the caller's organization; a null description means none. */
public record Create__Entity__Command(String name, String descriptionOrNull) {
    public Create__Entity__Command {
        name = Text.required("name", name, __Entity__.NAME_MAX_LENGTH);
        descriptionOrNull = Text.optional("description", descriptionOrNull, __Entity__.DESCRIPTION_MAX_LENGTH);
    }
}
