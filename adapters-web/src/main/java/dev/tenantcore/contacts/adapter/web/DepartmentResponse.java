package dev.tenantcore.contacts.adapter.web;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

@Serdeable
@Schema(name = "Department")
public record DepartmentResponse(
        @Schema(example = "019a8f3c-5d2e-7b41-9c3a-2f1e0d4b6a58") UUID id,
        @Schema(example = "Camera") String name,
        @Schema(example = "2026-11-20T09:30:00Z") Instant createdAt,
        @Schema(example = "2026-11-20T09:30:00Z") Instant updatedAt) {
}
