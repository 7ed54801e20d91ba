package dev.tenantcore.contacts.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Serdeable
@Schema(name = "CreateContactRequest")
public record CreateContactRequest(
        @NotBlank @Size(max = 200) @Schema(example = "The first one") String name,
        @Nullable @Size(max = 10_000) @Schema(example = "What it is about") String description) {
}
