package dev.tenantcore.access.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Serdeable
@Schema(name = "Member")
public record MemberResponse(
        UUID userId,
        String email,
        @Nullable @Schema(description = "From the person's profile; null while they have none") String displayName,
        @Schema(allowableValues = {"active", "suspended"}) String status,
        @Schema(description = "Names of the roles held, sorted") List<String> roles,
        @Schema(description = "When the person became a member") Instant createdAt) {
}
