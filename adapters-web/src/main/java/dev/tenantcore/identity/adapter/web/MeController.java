package dev.tenantcore.identity.adapter.web;

import dev.tenantcore.identity.application.ChangePasswordCommand;
import dev.tenantcore.identity.application.ChangePasswordUseCase;
import dev.tenantcore.identity.application.EraseAccountUseCase;
import dev.tenantcore.identity.application.ExportPersonalDataUseCase;
import dev.tenantcore.identity.application.GetCurrentUserUseCase;
import dev.tenantcore.identity.application.UpdatePreferencesCommand;
import dev.tenantcore.identity.application.UpdatePreferencesUseCase;
import dev.tenantcore.identity.application.UpdateProfileCommand;
import dev.tenantcore.identity.application.UpdateProfileUseCase;
import dev.tenantcore.identity.domain.PreferenceSettings;
import dev.tenantcore.identity.domain.UserPreferences;
import dev.tenantcore.shared.adapter.web.ApiContract;
import dev.tenantcore.shared.adapter.web.EntityTags;
import dev.tenantcore.shared.application.FieldChange;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Status;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The calling user's own account: needs a user's access token (an API key gets 403) and no permission, since it
 * is the person's own data whatever their roles.
 */
@Controller("/v1/me")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ApiContract.Authenticated
@Tag(name = "Identity")
class MeController {
    private final GetCurrentUserUseCase getMe;
    private final UpdateProfileUseCase updateProfile;
    private final UpdatePreferencesUseCase updatePreferences;
    private final ChangePasswordUseCase changePassword;
    private final ExportPersonalDataUseCase exportPersonalData;
    private final EraseAccountUseCase eraseAccount;
    private final MeWebMapper mapper;
    private final MeJson json;

    MeController(GetCurrentUserUseCase getMe, UpdateProfileUseCase updateProfile,
            UpdatePreferencesUseCase updatePreferences, ChangePasswordUseCase changePassword,
            ExportPersonalDataUseCase exportPersonalData, EraseAccountUseCase eraseAccount, MeWebMapper mapper,
            MeJson json) {
        this.getMe = getMe;
        this.updateProfile = updateProfile;
        this.updatePreferences = updatePreferences;
        this.changePassword = changePassword;
        this.exportPersonalData = exportPersonalData;
        this.eraseAccount = eraseAccount;
        this.mapper = mapper;
        this.json = json;
    }

    @Get
    @ApiContract.Ok
    @Operation(operationId = "getCurrentUser",
            summary = "The calling user, their profile and preferences, and their token's organization and permissions",
            description = "Needs a user's access token (an API key gets 403). The profile and the preferences each "
                    + "carry their version, for If-Match.")
    MeResponse me() {
        return mapper.toResponse(getMe.me());
    }

    @Patch("/profile")
    @ApiContract.OkWithETag
    @ApiContract.BadRequest
    @ApiContract.PreconditionFailed
    @ApiContract.UnprocessableContent
    @Operation(operationId = "updateProfile", summary = "Change some of the caller's profile",
            description = "Only the properties present are changed; null clears avatarUrl, locale, timeZone or bio. "
                    + "Honours If-Match with the profile's version (412 when stale).")
    HttpResponse<MeResponse.Profile> updateProfile(@Body UpdateProfileRequest request,
            @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        var profile = updateProfile.updateProfile(new UpdateProfileCommand(EntityTags.ifMatch(ifMatch),
                request.displayName(), request.avatarUrl(), request.locale(), request.timeZone(), request.bio()));
        return HttpResponse.ok(mapper.toResponse(profile)).header(HttpHeaders.ETAG, EntityTags.of(profile.version()));
    }

    @Patch("/preferences")
    @ApiContract.OkWithETag
    @ApiContract.BadRequest
    @ApiContract.PreconditionFailed
    @ApiContract.UnprocessableContent
    @Operation(operationId = "updatePreferences", summary = "Change some of the caller's preferences",
            description = "Only the properties present are changed; settings, a JSON object of at most 64 KiB, is "
                    + "replaced whole. Honours If-Match with the preferences' version (412 when stale).")
    HttpResponse<MeResponse.Preferences> updatePreferences(@Body UpdatePreferencesRequest request,
            @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        var preferences = updatePreferences.updatePreferences(new UpdatePreferencesCommand(EntityTags.ifMatch(ifMatch),
                request.emailNotifications(), theme(request.theme()), settings(request)));
        return HttpResponse.ok(mapper.toResponse(preferences))
                .header(HttpHeaders.ETAG, EntityTags.of(preferences.version()));
    }

    @Post("/password")
    @Status(HttpStatus.NO_CONTENT)
    @ApiContract.NoContent
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_JSON_PROBLEM})
    @ApiContract.BadRequest
    @ApiContract.UnprocessableContent
    @Operation(operationId = "changePassword", summary = "Change the caller's password",
            description = "Needs the current password (403 when wrong; repeated failures count against the account "
                    + "like failed logins: slowed down, then 429). Revokes every refresh token of the user in every "
                    + "organization, so every session logs in again; access tokens live until they expire.")
    void changePassword(@Body ChangePasswordRequest request) {
        changePassword.changePassword(ChangePasswordCommand.of(request.currentPassword(), request.newPassword()));
    }

    @Get("/export")
    @ApiContract.Ok
    @Operation(operationId = "exportPersonalData", summary = "Export everything stored about the caller (GDPR)",
            description = "One JSON document: account, password status (never the hash), profile, preferences, "
                    + "external logins, memberships in every organization, refresh-token sessions, and the caller's "
                    + "own changes in the audit log of the token's organization.")
    HttpResponse<PersonalDataExportResponse> export() {
        var export = exportPersonalData.export();
        return HttpResponse.ok(mapper.toResponse(export))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Content-Disposition",
                        "attachment; filename=\"tenantcore-personal-data-" + export.account().id() + ".json\"");
    }

    @Delete
    @Status(HttpStatus.NO_CONTENT)
    @ApiContract.NoContent
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_JSON_PROBLEM})
    @ApiContract.Conflict
    @Operation(operationId = "eraseAccount", summary = "Erase the caller's account and personal data (GDPR)",
            description = "Leaves every organization (memberships, roles, refresh tokens; assigned tasks are "
                    + "unassigned) and deletes credentials, external logins, profile, preferences and the account. "
                    + "409 while the caller is the last active owner of an organization. Repeating it is safe. "
                    + "The caller's access tokens are refused afterwards; audit logs keep only the opaque user id.")
    void erase() {
        eraseAccount.erase();
    }

    private static FieldChange<UserPreferences.Theme> theme(FieldChange<String> theme) {
        return switch (theme) {
            case FieldChange.SetTo<String>(String code) -> FieldChange.to(
                    code == null ? null : UserPreferences.Theme.fromCode(code));
            default -> FieldChange.unchanged();
        };
    }

    private FieldChange<PreferenceSettings> settings(UpdatePreferencesRequest request) {
        return switch (request.settings()) {
            case FieldChange.SetTo<JsonNode>(var node) -> FieldChange.to(
                    node == null ? null : json.toSettings(node));
            default -> FieldChange.unchanged();
        };
    }
}
