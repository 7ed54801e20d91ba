package dev.tenantcore.identity.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything Tenantcore stores about the caller, in one document. A whitelist like every response: secrets
 * (password hash, token hashes) have no field here.
 */
@Serdeable
@Schema(name = "PersonalDataExport")
public record PersonalDataExportResponse(
        Instant exportedAt,
        @Schema(description = "What the document holds and what it leaves to others") List<String> notes,
        Account account,
        Credentials credentials,
        @Nullable MeResponse.Profile profile,
        @Nullable MeResponse.Preferences preferences,
        List<ExternalLogin> externalLogins,
        @Schema(description = "Memberships in every organization") List<Membership> memberships,
        @Schema(description = "Refresh tokens, in every organization, as ids and lifecycle") List<Session> sessions,
        AuditLog auditLog) {

    @Serdeable
    @Schema(name = "PersonalDataAccount")
    public record Account(UUID id, String email, String status, long version, Instant createdAt,
            Instant updatedAt) {
    }

    @Serdeable
    @Schema(name = "PersonalDataCredentials", description = "Whether a password is set and when; never the password")
    public record Credentials(boolean passwordSet, @Nullable Instant passwordChangedAt) {
    }

    @Serdeable
    @Schema(name = "PersonalDataExternalLogin")
    public record ExternalLogin(UUID id, String provider, String subject, @Nullable String emailAtProvider,
            Instant linkedAt) {
    }

    @Serdeable
    @Schema(name = "PersonalDataMembership")
    public record Membership(
            UUID organizationId,
            String status,
            @Nullable @Schema(description = "Role names; null for organizations other than the token's, whose "
                    + "roles only they show") List<String> roles,
            Instant createdAt,
            Instant updatedAt) {
    }

    @Serdeable
    @Schema(name = "PersonalDataSession")
    public record Session(UUID id, UUID organizationId, UUID familyId, Instant createdAt, Instant expiresAt,
            @Nullable Instant usedAt, @Nullable Instant revokedAt) {
    }

    @Serdeable
    @Schema(name = "PersonalDataAuditLog")
    public record AuditLog(
            @Schema(description = "The organization of the token the export was made with") UUID organizationId,
            @Schema(description = "The caller's own changes there, oldest first") List<AuditEvent> events) {
    }

    @Serdeable
    @Schema(name = "PersonalDataAuditEvent")
    public record AuditEvent(
            UUID id,
            Instant occurredAt,
            String action,
            String entityType,
            UUID entityId,
            @Nullable @Schema(type = "object", nullable = true) JsonNode oldValues,
            @Nullable @Schema(type = "object", nullable = true) JsonNode newValues,
            @Nullable String requestId,
            @Nullable String clientAddress,
            @Nullable String userAgent) {
    }
}
