package dev.tenantcore.contacts.adapter.web;

import dev.tenantcore.contacts.application.CreateContactCommand;
import dev.tenantcore.contacts.application.CreateContactUseCase;
import dev.tenantcore.contacts.application.DeleteContactUseCase;
import dev.tenantcore.contacts.application.GetContactUseCase;
import dev.tenantcore.contacts.application.ListContactsUseCase;
import dev.tenantcore.contacts.application.UpdateContactCommand;
import dev.tenantcore.contacts.application.UpdateContactUseCase;
import dev.tenantcore.contacts.domain.Contact;
import dev.tenantcore.contacts.domain.ContactId;
import dev.tenantcore.shared.adapter.web.ApiContract;
import dev.tenantcore.shared.adapter.web.EntityTags;
import dev.tenantcore.shared.adapter.web.PageCursor;
import dev.tenantcore.shared.adapter.web.PageResponse;
import dev.tenantcore.shared.domain.PageRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.UUID;

@Controller("/v1/contacts")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ApiContract.Authenticated
@Tag(name = "Contacts", description = "The organization's contacts")
class ContactController {
    private final CreateContactUseCase createContact;
    private final GetContactUseCase getContact;
    private final UpdateContactUseCase updateContact;
    private final DeleteContactUseCase deleteContact;
    private final ListContactsUseCase listContacts;
    private final ContactWebMapper mapper;

    ContactController(CreateContactUseCase createContact, GetContactUseCase getContact,
            UpdateContactUseCase updateContact, DeleteContactUseCase deleteContact,
            ListContactsUseCase listContacts, ContactWebMapper mapper) {
        this.createContact = createContact;
        this.getContact = getContact;
        this.updateContact = updateContact;
        this.deleteContact = deleteContact;
        this.listContacts = listContacts;
        this.mapper = mapper;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @ApiContract.CreatedAt
    @ApiContract.BadRequest
    @ApiContract.UnprocessableContent
    @Operation(operationId = "createContact", summary = "Create a contact")
    HttpResponse<ContactResponse> create(@Body @Valid CreateContactRequest request) {
        var contact = createContact.create(new CreateContactCommand(request.name(), request.description()));
        return withEntityTag(HttpResponse.created(mapper.toResponse(contact),
                URI.create("/v1/contacts/" + contact.id())), contact);
    }

    @Get("/{id}")
    @ApiContract.OkWithETag
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @Operation(operationId = "getContact", summary = "Get a contact")
    HttpResponse<ContactResponse> get(@PathVariable UUID id) {
        var contact = getContact.get(new ContactId(id));
        return withEntityTag(HttpResponse.ok(mapper.toResponse(contact)), contact);
    }

    @Patch("/{id}")
    @ApiContract.OkWithETag
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @ApiContract.PreconditionFailed
    @ApiContract.UnprocessableContent
    @Operation(operationId = "updateContact", summary = "Change some of a contact's fields",
            description = "Only the properties present are changed; null clears description. Honours If-Match (412 "
                    + "when stale).")
    HttpResponse<ContactResponse> update(@PathVariable UUID id, @Body UpdateContactRequest request,
            @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        var contact = updateContact.update(new UpdateContactCommand(new ContactId(id),
                EntityTags.ifMatch(ifMatch), request.name(), request.description()));
        return withEntityTag(HttpResponse.ok(mapper.toResponse(contact)), contact);
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @ApiContract.NoContent
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_JSON_PROBLEM})
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @ApiContract.PreconditionFailed
    @Operation(operationId = "deleteContact", summary = "Delete a contact",
            description = "Honours If-Match (412 when stale).")
    HttpResponse<Void> delete(@PathVariable UUID id, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        deleteContact.delete(new ContactId(id), EntityTags.ifMatch(ifMatch));
        return HttpResponse.noContent();
    }

    @Get
    @ApiContract.Ok
    @ApiContract.BadRequest
    @ApiContract.UnprocessableContent
    @Operation(operationId = "listContacts", summary = "List contacts, newest first",
            description = "Keyset pagination: pass nextCursor from the previous page as cursor.")
    PageResponse<ContactResponse> list(@QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit,
            @QueryValue @Nullable PageCursor cursor) {
        var after = cursor == null ? null : new ContactId(cursor.after());
        var page = listContacts.list(new PageRequest<>(after, limit));
        return PageResponse.of(page, mapper::toResponse, contact -> contact.id().value());
    }

    private static MutableHttpResponse<ContactResponse> withEntityTag(MutableHttpResponse<ContactResponse> response,
            Contact contact) {
        return response.header(HttpHeaders.ETAG, EntityTags.of(contact.version()));
    }
}
