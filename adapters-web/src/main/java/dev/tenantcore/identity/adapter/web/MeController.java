package dev.tenantcore.identity.adapter.web;

import dev.tenantcore.identity.application.GetCurrentUserUseCase;
import dev.tenantcore.shared.domain.Permission;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The calling user's own account: needs a user's access token (an API key gets 403). */
@Controller("/v1/me")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "apiKey")
@Tag(name = "Me")
class MeController {
    private final GetCurrentUserUseCase getMe;

    MeController(GetCurrentUserUseCase getMe) {
        this.getMe = getMe;
    }

    @Get
    @Operation(summary = "The calling user, their profile, and their token's organization and permissions")
    MeResponse me() {
        var me = getMe.me();
        var profile = me.profile() == null ? null : new MeResponse.Profile(me.profile().displayName(),
                me.profile().avatarUrl(), me.profile().locale(), me.profile().timeZone(), me.profile().bio());
        return new MeResponse(me.user().id().value(), me.user().email().value(), me.user().status().code(), profile,
                me.organizationId().value(), me.permissions().stream().map(Permission::code).sorted().toList(),
                me.user().createdAt());
    }
}
