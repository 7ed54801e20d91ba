package dev.tenantcore.organizations.adapter.web;

import dev.tenantcore.organizations.application.GetOrganizationUseCase;
import dev.tenantcore.organizations.application.RenameOrganizationCommand;
import dev.tenantcore.organizations.application.RenameOrganizationUseCase;
import dev.tenantcore.organizations.application.SignUpOrganizationCommand;
import dev.tenantcore.organizations.application.SignUpOrganizationUseCase;
import dev.tenantcore.organizations.domain.Organization;
import dev.tenantcore.organizations.domain.Slug;
import dev.tenantcore.shared.adapter.web.ApiContract;
import dev.tenantcore.shared.adapter.web.EntityTags;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@Controller("/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Organizations")
class OrganizationController {
    private final SignUpOrganizationUseCase signUp;
    private final GetOrganizationUseCase getOrganization;
    private final RenameOrganizationUseCase renameOrganization;
    private final OrganizationWebMapper organizations;
    private final SignUpConfiguration signUpConfiguration;

    OrganizationController(SignUpOrganizationUseCase signUp, GetOrganizationUseCase getOrganization,
            RenameOrganizationUseCase renameOrganization, OrganizationWebMapper organizations,
            SignUpConfiguration signUpConfiguration) {
        this.signUp = signUp;
        this.getOrganization = getOrganization;
        this.renameOrganization = renameOrganization;
        this.organizations = organizations;
        this.signUpConfiguration = signUpConfiguration;
    }

    @Post("/organizations")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Status(HttpStatus.CREATED)
    @ApiContract.CreatedAt
    @ApiContract.BadRequest
    @ApiContract.Unauthorized
    @ApiContract.Forbidden
    @ApiContract.Conflict
    @ApiContract.UnprocessableContent
    @Operation(operationId = "createOrganization",
            summary = "Sign up: create an organization, its first owner and its first API key",
            description = "The response holds the API key's token (role admin); it is never shown again. Signed in "
                    + "with a user's access token, that person becomes the owner (leave owner out). Anonymously, "
                    + "owner creates a new account that becomes the owner; an address that has an account is 409 "
                    + "whatever the password (log in and sign up with the access token instead). Without either, "
                    + "the organization has only its API key. 409 if the slug is taken; 403 with an API key or when "
                    + "sign-up is disabled on this server.")
    HttpResponse<SignUpResponse> signUp(@Body @Valid SignUpRequest request) {
        if (!signUpConfiguration.isEnabled()) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "Sign-up is disabled on this server.");
        }
        var owner = request.owner() == null ? null : new SignUpOrganizationCommand.Owner(request.owner().email(),
                request.owner().password(), request.owner().displayName());
        var result = signUp.signUp(new SignUpOrganizationCommand(request.name(), new Slug(request.slug()), owner));
        var body = new SignUpResponse(organizations.toResponse(result.organization()),
                organizations.toResponse(result.apiKey()), result.ownerId() == null ? null : result.ownerId().value());
        return withEntityTag(HttpResponse.created(body), result.organization())
                .header(HttpHeaders.LOCATION, "/v1/organization");
    }

    @Get("/organization")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @ApiContract.Authenticated
    @ApiContract.OkWithETag
    @Operation(operationId = "getOrganization", summary = "The caller's organization",
            description = "Needs organization:read. The ETag is its version, for If-Match.")
    HttpResponse<OrganizationResponse> get() {
        var organization = getOrganization.current();
        return withEntityTag(HttpResponse.ok(organizations.toResponse(organization)), organization);
    }

    @Patch("/organization")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @ApiContract.Authenticated
    @ApiContract.OkWithETag
    @ApiContract.BadRequest
    @ApiContract.PreconditionFailed
    @ApiContract.UnprocessableContent
    @Operation(operationId = "updateOrganization",
            summary = "Rename the caller's organization", description = "Honours If-Match (412 when stale).")
    HttpResponse<OrganizationResponse> rename(@Body @Valid RenameOrganizationRequest request,
            @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        var organization = renameOrganization.rename(
                new RenameOrganizationCommand(request.name(), EntityTags.ifMatch(ifMatch)));
        return withEntityTag(HttpResponse.ok(organizations.toResponse(organization)), organization);
    }

    private static <T> MutableHttpResponse<T> withEntityTag(MutableHttpResponse<T> response, Organization organization) {
        return response.header(HttpHeaders.ETAG, EntityTags.of(organization.version()));
    }
}
