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
 * @param prepare    turns {@code createBody} into a body valid in the organization of the given credential, for
 *                   collections whose entities refer to others (an order to a product): it may create them first
 */
public record CrudResource(String collection, String createBody, String updateBody, Permission read,
        Permission write, Preparation prepare) {
    public static final String UNIQUE = "{unique}";

    /** What a creation in an organization needs beforehand; see {@link #prepare}. */
    @FunctionalInterface
    public interface Preparation {
        String createBody(ApiClient api, String[] auth, String createBody);
    }

    /** A collection whose creation body is valid in every organization as it is. */
    public CrudResource(String collection, String createBody, String updateBody, Permission read, Permission write) {
        this(collection, createBody, updateBody, read, write, (api, auth, body) -> body);
    }

    public CrudResource {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(createBody, "createBody");
        Objects.requireNonNull(updateBody, "updateBody");
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(write, "write");
        Objects.requireNonNull(prepare, "prepare");
    }

    /** {@code createBody}, made valid in the organization {@code auth} belongs to ({@value #UNIQUE} kept). */
    public String createBody(ApiClient api, String[] auth) {
        return prepare.createBody(api, auth, createBody);
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
        var created = api.post(path(), createBody(api, auth).replace(UNIQUE, UUID.randomUUID().toString().substring(0, 8)),
                auth);
        if (created.status() != 201) {
            throw new IllegalStateException("could not create in " + path() + ": " + created);
        }
        return created.string("id");
    }
}
