package dev.tenantcore.identity.adapter.web;

import dev.tenantcore.audit.domain.AuditEvent;
import dev.tenantcore.identity.application.CurrentUser;
import dev.tenantcore.identity.application.PersonalDataExport;
import dev.tenantcore.identity.domain.OwnMembership;
import dev.tenantcore.identity.domain.User;
import dev.tenantcore.identity.domain.UserPreferences;
import dev.tenantcore.identity.domain.UserProfile;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Permission;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(uses = MeJson.class)
interface MeWebMapper {
    List<String> EXPORT_NOTES = List.of(
            "Everything Tenantcore stores about you, as of exportedAt.",
            "Credentials appear only as whether a password is set and when it last changed; tokens only as ids and "
                    + "dates. Hashes are never exported.",
            "memberships lists every organization you belong to; role names are shown for the organization of the "
                    + "token this export was made with, other organizations show them to their own members.",
            "auditLog lists the changes you made in that same organization. The audit logs of other organizations "
                    + "are those organizations' records: export with a token for each of them to see yours there.",
            "After erasure (DELETE /v1/me) the audit logs keep only your opaque user id, never your address or name.");

    @Mapping(target = "id", source = "user.id.value")
    @Mapping(target = "email", source = "user.email.value")
    @Mapping(target = "status", source = "user.status")
    @Mapping(target = "createdAt", source = "user.createdAt")
    MeResponse toResponse(CurrentUser me);

    MeResponse.Profile toResponse(UserProfile profile);

    MeResponse.Preferences toResponse(UserPreferences preferences);

    @Mapping(target = "notes", expression = "java(EXPORT_NOTES)")
    @Mapping(target = "credentials", expression = "java(new PersonalDataExportResponse.Credentials("
            + "export.passwordSet(), export.passwordChangedAtOrNull()))")
    @Mapping(target = "sessions", source = "refreshSessions")
    @Mapping(target = "auditLog", expression = "java(new PersonalDataExportResponse.AuditLog("
            + "export.organizationId().value(), toEvents(export.auditEvents())))")
    PersonalDataExportResponse toResponse(PersonalDataExport export);

    @Mapping(target = "id", source = "id.value")
    @Mapping(target = "email", source = "email.value")
    PersonalDataExportResponse.Account toAccount(User user);

    @Mapping(target = "roles", source = "roleNamesOrNull")
    PersonalDataExportResponse.Membership toResponse(OwnMembership membership);

    List<PersonalDataExportResponse.AuditEvent> toEvents(List<AuditEvent> events);

    PersonalDataExportResponse.AuditEvent toResponse(AuditEvent event);

    default UUID uuid(OrganizationId id) {
        return id.value();
    }

    default String code(User.Status status) {
        return status.code();
    }

    default String code(UserPreferences.Theme theme) {
        return theme.code();
    }

    default String code(OwnMembership.Status status) {
        return status.code();
    }

    default List<String> codes(Set<Permission> permissions) {
        return permissions.stream().map(Permission::code).sorted().toList();
    }

    default List<String> sorted(Set<String> names) {
        return names == null ? null : names.stream().sorted().toList();
    }
}
