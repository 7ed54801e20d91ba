package dev.tenantcore.support;

import dev.tenantcore.shared.domain.Permission;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A module's collection under /v1 with the five CRUD routes, registered as a bean in the module's own test package:
 * the tenant-isolation suite and the permission matrix probe every registered one without naming it.
 *
 * @param collection the path segment and table name, e.g. {@code invoices}
 * @param createBody a valid body for {@code POST /v1/<collection>}; each {@value #UNIQUE} in it becomes a fresh value
 *                   at each creation, for collections with unique names or codes
 * @param updateBody a valid body for {@code PATCH /v1/<collection>/{id}} ({@value #UNIQUE} as in the permission
 *                   matrix: fresh at each call there)
 */
public record CrudResource(String collection, String createBody, String updateBody, Permission read,
        Permission write) {
    public static final String UNIQUE = "{unique}";

    public CrudResource {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(createBody, "createBody");
        Objects.requireNonNull(updateBody, "updateBody");
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(write, "write");
    }

    public String path() {
        return "/v1/" + collection;
    }

    /** The routes as the router names them: {@code GET /v1/invoices/{id}}. */
    public List<String> routes() {
        return List.of("GET " + path(), "POST " + path(), "GET " + path() + "/{id}", "PATCH " + path() + "/{id}",
                "DELETE " + path() + "/{id}");
    }

    /** A new entity in the organization {@code auth} belongs to: its id. */
    public String create(ApiClient api, String[] auth) {
        var created = api.post(path(), createBody.replace(UNIQUE, UUID.randomUUID().toString().substring(0, 8)),
                auth);
        if (created.status() != 201) {
            throw new IllegalStateException("could not create in " + path() + ": " + created);
        }
        return created.string("id");
    }
}
