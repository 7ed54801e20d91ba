package dev.tenantcore.identity.application;

import dev.tenantcore.audit.domain.AuditEvent;
import dev.tenantcore.identity.domain.LinkedExternalLogin;
import dev.tenantcore.identity.domain.OwnMembership;
import dev.tenantcore.identity.domain.RefreshSession;
import dev.tenantcore.identity.domain.User;
import dev.tenantcore.identity.domain.UserPreferences;
import dev.tenantcore.identity.domain.UserProfile;
import dev.tenantcore.shared.domain.OrganizationId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything Tenantcore stores about a person, as they may see it (GDPR article 15 and 20). Credentials appear only
 * as whether a password is set and when it changed; tokens only as their ids and lifecycle.
 *
 * @param organizationId          the organization of the token the export was asked with: its audit events are
 *                                listed; other organizations' logs are those organizations' records
 * @param passwordChangedAtOrNull null when the account has no password
 * @param profile                 null if the account has none
 * @param preferences             null if the account has none
 * @param auditEvents             the changes the person made in {@code organizationId}, oldest first
 */
public record PersonalDataExport(
        Instant exportedAt,
        OrganizationId organizationId,
        User account,
        Instant passwordChangedAtOrNull,
        UserProfile profile,
        UserPreferences preferences,
        List<LinkedExternalLogin> externalLogins,
        List<OwnMembership> memberships,
        List<RefreshSession> refreshSessions,
        List<AuditEvent> auditEvents) {

    public PersonalDataExport {
        Objects.requireNonNull(exportedAt, "exportedAt");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(account, "account");
        externalLogins = List.copyOf(externalLogins);
        memberships = List.copyOf(memberships);
        refreshSessions = List.copyOf(refreshSessions);
        auditEvents = List.copyOf(auditEvents);
    }

    public boolean passwordSet() {
        return passwordChangedAtOrNull != null;
    }
}
