package dev.tenantcore.__context__.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Serdeable
@Schema(name = "Create__Entity__Request")
public record Create__Entity__Request(
        @NotBlank @Size(max = 200) @Schema(example = "The first one") String name,
        @Nullable @Size(max = 10_000) @Schema(example = "What it is about") String description) {
}
