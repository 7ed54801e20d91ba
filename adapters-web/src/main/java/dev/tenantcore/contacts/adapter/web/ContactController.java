package dev.tenantcore.contacts.adapter.web;

import dev.tenantcore.contacts.application.CreateContactCommand;
import dev.tenantcore.contacts.application.CreateContactUseCase;
import dev.tenantcore.contacts.application.DeleteContactUseCase;
import dev.tenantcore.contacts.application.GetContactUseCase;
import dev.tenantcore.contacts.application.ListContactsUseCase;
import dev.tenantcore.contacts.application.ListDeletedContactsUseCase;
import dev.tenantcore.contacts.application.RestoreContactUseCase;
import dev.tenantcore.contacts.application.SearchContactsUseCase;
import dev.tenantcore.contacts.application.UpdateContactCommand;
import dev.tenantcore.contacts.application.UpdateContactUseCase;
import dev.tenantcore.contacts.domain.Contact;
import dev.tenantcore.contacts.domain.ContactFilter;
import dev.tenantcore.contacts.domain.ContactId;
import dev.tenantcore.contacts.domain.ContactMatch;
import dev.tenantcore.contacts.domain.ContactSearch;
import dev.tenantcore.contacts.domain.DepartmentId;
import dev.tenantcore.contacts.domain.ProductionId;
import dev.tenantcore.shared.adapter.web.ApiContract;
import dev.tenantcore.shared.adapter.web.EntityTags;
import dev.tenantcore.shared.adapter.web.Idempotent;
import dev.tenantcore.shared.adapter.web.PageResponse;
import dev.tenantcore.shared.domain.InvariantViolationException;
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
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.UUID;

@Controller("/v1/contacts")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ApiContract.Authenticated
@Tag(name = "Contacts", description = "The organization's contacts: the crews of its productions, by department. "
        + "A deleted contact waits in the trash (GET /v1/contacts?deleted=true) until it is restored or purged.")
class ContactController {
    private final CreateContactUseCase createContact;
    private final GetContactUseCase getContact;
    private final UpdateContactUseCase updateContact;
    private final DeleteContactUseCase deleteContact;
    private final RestoreContactUseCase restoreContact;
    private final ListContactsUseCase listContacts;
    private final ListDeletedContactsUseCase listDeletedContacts;
    private final SearchContactsUseCase searchContacts;
    private final ContactWebMapper mapper;
    private final ContactJson json;

    ContactController(CreateContactUseCase createContact, GetContactUseCase getContact,
            UpdateContactUseCase updateContact, DeleteContactUseCase deleteContact,
            RestoreContactUseCase restoreContact, ListContactsUseCase listContacts,
            ListDeletedContactsUseCase listDeletedContacts, SearchContactsUseCase searchContacts,
            ContactWebMapper mapper, ContactJson json) {
        this.createContact = createContact;
        this.getContact = getContact;
        this.updateContact = updateContact;
        this.deleteContact = deleteContact;
        this.restoreContact = restoreContact;
        this.listContacts = listContacts;
        this.listDeletedContacts = listDeletedContacts;
        this.searchContacts = searchContacts;
        this.mapper = mapper;
        this.json = json;
    }

    @Post
    @Idempotent
    @Status(HttpStatus.CREATED)
    @ApiContract.CreatedAt
    @ApiContract.BadRequest
    @ApiContract.Conflict
    @ApiContract.UnprocessableContent
    @Operation(operationId = "createContact", summary = "Create a contact",
            description = "The phone number is stored in E.164. 422 for an invalid email or phone, or a departmentId "
                    + "or productionId that is not the organization's; 409 when another live contact of the "
                    + "production has the email.")
    HttpResponse<ContactResponse> create(@Body @Valid CreateContactRequest request) {
        var contact = createContact.create(new CreateContactCommand(request.name(), request.email(), request.phone(),
                request.role(), request.company(),
                request.departmentId() == null ? null : new DepartmentId(request.departmentId()),
                request.productionId() == null ? null : new ProductionId(request.productionId()), request.notes(),
                json.toFields("customFields", request.customFields())));
        return withEntityTag(HttpResponse.created(mapper.toResponse(contact),
                URI.create("/v1/contacts/" + contact.id())), contact);
    }

    @Get("/{id}")
    @ApiContract.OkWithETag
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @Operation(operationId = "getContact", summary = "Get a contact",
            description = "A live contact, with its ETag; a contact in the trash is 404, like an id that never "
                    + "existed.")
    HttpResponse<ContactResponse> get(@PathVariable UUID id) {
        var contact = getContact.get(new ContactId(id));
        return withEntityTag(HttpResponse.ok(mapper.toResponse(contact)), contact);
    }

    @Patch("/{id}")
    @ApiContract.OkWithETag
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @ApiContract.PreconditionFailed
    @ApiContract.Conflict
    @ApiContract.UnprocessableContent
    @Operation(operationId = "updateContact", summary = "Change some of a contact's fields",
            description = "Only the properties present are changed; null clears one (customFields: empties it). "
                    + "Honours If-Match (412 when stale).")
    HttpResponse<ContactResponse> update(@PathVariable UUID id, @Body UpdateContactRequest request,
            @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        var contact = updateContact.update(new UpdateContactCommand(new ContactId(id), EntityTags.ifMatch(ifMatch),
                request.name(), request.email(), request.phone(), request.role(), request.company(),
                request.departmentId().map(DepartmentId::new), request.productionId().map(ProductionId::new),
                request.notes(), request.customFields().map(fields -> json.toFields("customFields", fields))));
        return withEntityTag(HttpResponse.ok(mapper.toResponse(contact)), contact);
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @ApiContract.NoContent
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_JSON_PROBLEM})
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @ApiContract.PreconditionFailed
    @Operation(operationId = "deleteContact", summary = "Move a contact to the trash",
            description = "From then on the contact is not found (404), listed or searched; it stays in the trash "
                    + "(GET /v1/contacts?deleted=true) for the retention period, restorable. Honours If-Match (412 "
                    + "when stale).")
    HttpResponse<Void> delete(@PathVariable UUID id, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        deleteContact.delete(new ContactId(id), EntityTags.ifMatch(ifMatch));
        return HttpResponse.noContent();
    }

    @Post("/{id}/restore")
    @Idempotent
    @ApiContract.OkWithETag
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @ApiContract.Conflict
    @Operation(operationId = "restoreContact", summary = "Bring a contact back from the trash",
            description = "Within the retention period; a live contact is returned as it is. 409 when another live "
                    + "contact of its production has taken its email meanwhile.")
    HttpResponse<ContactResponse> restore(@PathVariable UUID id) {
        var contact = restoreContact.restore(new ContactId(id));
        return withEntityTag(HttpResponse.ok(mapper.toResponse(contact)), contact);
    }

    @Get
    @ApiContract.Ok
    @ApiContract.BadRequest
    @ApiContract.UnprocessableContent
    @Operation(operationId = "listContacts", summary = "List or search contacts",
            description = "Without q: live contacts, newest first. With q: a search, best match first, fuzzy on "
                    + "names (\"Jon Smtih\" finds John Smith) and by words (and their beginnings) over name, role, "
                    + "company and notes, accents ignored. Filters for both: productionId, departmentId, hasEmail. "
                    + "deleted=true: the trash instead (contacts deleted within the retention period, newest "
                    + "first; no q or filters). Keyset pagination: pass nextCursor from the previous page as "
                    + "cursor, with the same q.")
    PageResponse<ContactResponse> list(
            @QueryValue @Nullable String q,
            @QueryValue @Nullable UUID productionId,
            @QueryValue @Nullable UUID departmentId,
            @QueryValue @Nullable @Pattern(regexp = "true|false", message = "must be true or false") String hasEmail,
            @QueryValue @Nullable @Pattern(regexp = "true|false", message = "must be true or false") String deleted,
            @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit,
            @QueryValue @Nullable ContactCursor cursor) {
        var filter = new ContactFilter(productionId == null ? null : new ProductionId(productionId),
                departmentId == null ? null : new DepartmentId(departmentId),
                hasEmail == null ? null : Boolean.valueOf(hasEmail));
        if (Boolean.parseBoolean(deleted)) {
            if (q != null || !filter.equals(ContactFilter.NONE)) {
                throw new InvariantViolationException("deleted", "the trash (deleted=true) takes no q or filters");
            }
            var page = listDeletedContacts.listDeleted(new PageRequest<>(cursor == null ? null : cursor.listAfter(),
                    limit));
            return PageResponse.of(page, mapper::toResponse, contact -> contact.id().value());
        }
        if (q != null) {
            var page = searchContacts.search(new ContactSearch(q, filter),
                    new PageRequest<>(cursor == null ? null : cursor.searchAfter(), limit));
            var next = page.hasMore() ? ContactCursor.of(page.last().cursor()) : null;
            return new PageResponse<>(page.items().stream().map(ContactMatch::contact).map(mapper::toResponse)
                    .toList(), next);
        }
        var page = listContacts.list(filter, new PageRequest<>(cursor == null ? null : cursor.listAfter(), limit));
        return PageResponse.of(page, mapper::toResponse, contact -> contact.id().value());
    }

    private static MutableHttpResponse<ContactResponse> withEntityTag(MutableHttpResponse<ContactResponse> response,
            Contact contact) {
        return response.header(HttpHeaders.ETAG, EntityTags.of(contact.version()));
    }
}
