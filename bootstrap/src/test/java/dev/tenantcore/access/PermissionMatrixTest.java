package dev.tenantcore.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.access.domain.AccessPermissions;
import dev.tenantcore.apikeys.domain.ApiKeyPermissions;
import dev.tenantcore.audit.domain.AuditPermissions;
import dev.tenantcore.contacts.domain.ContactPermissions;
import dev.tenantcore.organizations.domain.OrganizationPermissions;
import dev.tenantcore.shared.adapter.persistence.DatabasePermissions;
import dev.tenantcore.shared.adapter.persistence.TestDatabase;
import dev.tenantcore.shared.domain.Permission;
import dev.tenantcore.support.AccessFixtures;
import dev.tenantcore.support.ApiClient;
import dev.tenantcore.support.CrudResource;
import dev.tenantcore.support.ImportFixtures;
import dev.tenantcore.support.ServiceTest;
import dev.tenantcore.support.Tenant;
import dev.tenantcore.tasks.domain.TaskPermissions;
import dev.tenantcore.webhooks.domain.WebhookPermissions;
import io.micronaut.http.HttpMethod;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint × every built-in role, an API key with the default role, and no credential: allowed exactly when
 * the role grants the endpoint's permission. A denied call is a 403 problem that writes nothing (the
 * organization's audit log, which records every write, does not grow).
 */
@MicronautTest(transactional = false)
class PermissionMatrixTest extends ServiceTest {

    /**
     * The built-in roles, a custom role that grants nothing at all (so a use case that forgot its check shows even
     * when every built-in role holds the permission it should have checked), an API key and no credential.
     */
    enum Credential { OWNER, ADMIN, MEMBER, VIEWER, NO_PERMISSION, API_KEY, NONE }

    static final String ROLE_WITHOUT_PERMISSIONS = "no-permissions";

    /**
     * Routes the matrix leaves out, each with its reason: they act before there is a tenant, or on the caller's
     * own account in ways a matrix run cannot repeat (a changed password, an erased account, a link to an outside
     * provider). HttpTenantIsolationTest and the end-to-end tests cover them.
     */
    static final Map<String, String> NOT_IN_THE_MATRIX = Map.ofEntries(
            Map.entry("POST /v1/organizations", "sign-up: no tenant yet"),
            Map.entry("POST /v1/auth/token", "logging in: no tenant yet"),
            Map.entry("POST /v1/auth/refresh", "a refresh token, no permission"),
            Map.entry("POST /v1/auth/logout", "a refresh token, no permission"),
            Map.entry("POST /v1/invitations/accept", "the invitation's token, no tenant yet"),
            Map.entry("GET /v1/auth/oidc/{provider}/authorize", "logging in: no tenant yet"),
            Map.entry("GET /v1/auth/oidc/{provider}/callback", "logging in: no tenant yet"),
            Map.entry("POST /v1/auth/oidc/exchange", "logging in: a one-time code, no tenant yet"),
            Map.entry("GET /v1/auth/oidc/{provider}/logout", "a redirect to the provider: no permission"),
            Map.entry("POST /v1/auth/oidc/{provider}/backchannel-logout", "called by the provider with its signed "
                    + "logout token: no tenant credential"),
            Map.entry("POST /v1/me/password", "the caller's own account: would change the matrix's credentials"),
            Map.entry("DELETE /v1/me", "the caller's own account: would erase the matrix's credentials"),
            Map.entry("POST /v1/me/external-logins/{target}", "the caller's own account: needs an outside provider"),
            Map.entry("DELETE /v1/me/external-logins/{target}", "the caller's own account: needs a linked provider"));

    /**
     * What each credential may do: the built-in roles' grants as the migrations wrote them
     * (builtin_role_permissions, read in {@link #createOneCredentialPerRole}); an API key acts as a member.
     */
    final Map<Credential, Set<Permission>> granted = new EnumMap<>(Credential.class);

    /**
     * One endpoint: {@code target} makes a fresh path for each call (so that an allowed DELETE has something to
     * delete); {@code needs} is the permission, or null for "any user's own token" (the /v1/me routes).
     */
    record Endpoint(String method, Supplier<String> target, String body, Permission needs, byte[] upload) {
        /** {@value #UNIQUE} in a body becomes a fresh value for each call: for creations of unique names. */
        static final String UNIQUE = "{unique}";

        Endpoint(String method, Supplier<String> target, String body, Permission needs) {
            this(method, target, body, needs, null);
        }

        /** A multipart POST of {@code file}, as the form field "file". */
        static Endpoint upload(Supplier<String> target, byte[] file, Permission needs) {
            return new Endpoint("POST", target, null, needs, file);
        }

        String freshBody() {
            return body == null ? null : body.replace(UNIQUE, UUID.randomUUID().toString().substring(0, 8));
        }
    }

    @Inject
    AccessFixtures access;
    @Inject
    Router router;
    /** Modules' collections, registered in their own test packages: in the matrix like the endpoints below. */
    @Inject
    List<CrudResource> crudResources;

    Tenant organization;
    final Map<Credential, String[]> auth = new EnumMap<>(Credential.class);

    @BeforeAll
    void createOneCredentialPerRole() throws SQLException {
        api = new ApiClient(server.getURI(), jsonMapper);
        var ownerEmail = uniqueEmail();
        organization = signUpWithOwner(ownerEmail);
        auth.put(Credential.OWNER, userAuth(ownerEmail, organization.slug()));
        var nothing = api.post("/v1/roles", "{\"name\":\"" + ROLE_WITHOUT_PERMISSIONS + "\",\"permissions\":[]}",
                organization.auth());
        assertThat(nothing.status()).as(nothing.toString()).isEqualTo(201);
        var roles = Map.of(Credential.ADMIN, "admin", Credential.MEMBER, "member", Credential.VIEWER, "viewer",
                Credential.NO_PERMISSION, ROLE_WITHOUT_PERMISSIONS);
        for (var role : roles.entrySet()) {
            var email = uniqueEmail();
            var home = signUpWithOwner(email); // creates the account, in an organization of its own
            var userId = UUID.fromString(logIn(email, home.slug()).string("userId"));
            addMember(organization.organizationId(), userId, role.getValue());
            auth.put(role.getKey(), userAuth(email, organization.slug()));
        }
        granted.put(Credential.OWNER, DatabasePermissions.grantedTo("owner"));
        granted.put(Credential.ADMIN, DatabasePermissions.grantedTo("admin"));
        granted.put(Credential.MEMBER, DatabasePermissions.grantedTo("member"));
        granted.put(Credential.VIEWER, DatabasePermissions.grantedTo("viewer"));
        granted.put(Credential.NO_PERMISSION, Set.of());
        granted.put(Credential.API_KEY, DatabasePermissions.grantedTo("member"));
        granted.put(Credential.NONE, Set.of());
        var key = api.post("/v1/api-keys", "{\"name\":\"default role\"}", organization.auth());
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        auth.put(Credential.API_KEY, new String[] {"Authorization", "Bearer " + key.string("token")});
        auth.put(Credential.NONE, new String[0]);
    }

    /** Test set-up only: the membership a finished invitation would create, written as a superuser. */
    private static void addMember(UUID organizationId, UUID userId, String role) throws SQLException {
        try (var connection = TestDatabase.shared().connectAsSuperuser()) {
            connection.setAutoCommit(false);
            try (var settings = connection.prepareStatement("SELECT set_config('app.organization_id', ?, true)")) {
                settings.setString(1, organizationId.toString());
                settings.execute();
            }
            try (var insert = connection.prepareStatement("""
                    WITH m AS (INSERT INTO memberships (organization_id, user_id) VALUES (?, ?) RETURNING *)
                    INSERT INTO user_roles (organization_id, user_id, role_id)
                    SELECT m.organization_id, m.user_id, r.id FROM m JOIN roles r
                      ON r.organization_id = m.organization_id AND r.name = ?""")) {
                insert.setObject(1, organizationId);
                insert.setObject(2, userId);
                insert.setString(3, role);
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            connection.commit();
        }
    }

    List<Endpoint> endpoints() {
        var endpoints = new ArrayList<Endpoint>();
        endpoints.add(new Endpoint("GET", () -> "/v1/organization", null, OrganizationPermissions.READ));
        endpoints.add(new Endpoint("PATCH", () -> "/v1/organization", "{\"name\":\"Renamed\"}",
                OrganizationPermissions.MANAGE));
        endpoints.add(new Endpoint("GET", () -> "/v1/api-keys", null, ApiKeyPermissions.READ));
        endpoints.add(new Endpoint("POST", () -> "/v1/api-keys", "{\"name\":\"more\"}", ApiKeyPermissions.MANAGE));
        endpoints.add(new Endpoint("DELETE", () -> "/v1/api-keys/" + api.post("/v1/api-keys",
                "{\"name\":\"doomed\"}", organization.auth()).string("id"), null, ApiKeyPermissions.MANAGE));
        endpoints.add(new Endpoint("GET", () -> "/v1/tasks", null, TaskPermissions.READ));
        endpoints.add(new Endpoint("POST", () -> "/v1/tasks", "{\"title\":\"t\"}", TaskPermissions.WRITE));
        endpoints.add(new Endpoint("GET", () -> "/v1/tasks/" + aTask(), null, TaskPermissions.READ));
        endpoints.add(new Endpoint("GET", () -> "/v1/tasks/" + aTask() + "?asOf=2100-01-01T00:00:00Z", null,
                TaskPermissions.READ));
        endpoints.add(new Endpoint("PATCH", () -> "/v1/tasks/" + aTask(), "{\"completed\":true}",
                TaskPermissions.WRITE));
        endpoints.add(new Endpoint("DELETE", () -> "/v1/tasks/" + aTask(), null, TaskPermissions.WRITE));
        endpoints.add(new Endpoint("GET", () -> "/v1/tasks/" + aTask() + "/history", null, TaskPermissions.READ));
        endpoints.add(new Endpoint("GET", () -> "/v1/audit-events", null, AuditPermissions.READ));
        endpoints.add(new Endpoint("GET", () -> "/v1/audit-events/export", null, AuditPermissions.READ));
        endpoints.add(new Endpoint("GET", () -> "/v1/me", null, null));
        endpoints.add(new Endpoint("PATCH", () -> "/v1/me/profile", "{\"bio\":\"b\"}", null));
        endpoints.add(new Endpoint("PATCH", () -> "/v1/me/preferences", "{\"theme\":\"dark\"}", null));
        endpoints.add(new Endpoint("GET", () -> "/v1/me/export", null, null));
        endpoints.add(new Endpoint("GET", () -> "/v1/members", null, AccessPermissions.MEMBERS_READ));
        endpoints.add(new Endpoint("GET", () -> "/v1/members/" + aMember(), null, AccessPermissions.MEMBERS_READ));
        endpoints.add(new Endpoint("PATCH", () -> "/v1/members/" + aMember(), "{\"roles\":[\"viewer\"]}",
                AccessPermissions.MEMBERS_MANAGE));
        endpoints.add(new Endpoint("DELETE", () -> "/v1/members/" + aMember(), null, AccessPermissions.MEMBERS_MANAGE));
        endpoints.add(new Endpoint("GET", () -> "/v1/roles", null, AccessPermissions.MEMBERS_READ));
        endpoints.add(new Endpoint("GET", () -> "/v1/roles/" + aRole(), null, AccessPermissions.MEMBERS_READ));
        endpoints.add(new Endpoint("POST", () -> "/v1/roles",
                "{\"name\":\"role-" + Endpoint.UNIQUE + "\",\"permissions\":[\"tasks:read\"]}", AccessPermissions.ROLES_MANAGE));
        endpoints.add(new Endpoint("PATCH", () -> "/v1/roles/" + aRole(), "{\"description\":\"changed\"}",
                AccessPermissions.ROLES_MANAGE));
        endpoints.add(new Endpoint("DELETE", () -> "/v1/roles/" + aRole(), null, AccessPermissions.ROLES_MANAGE));
        endpoints.add(new Endpoint("GET", () -> "/v1/invitations", null, AccessPermissions.MEMBERS_MANAGE));
        endpoints.add(new Endpoint("POST", () -> "/v1/invitations",
                "{\"email\":\"invited-" + Endpoint.UNIQUE + "@example.com\",\"roles\":[\"viewer\"]}",
                AccessPermissions.MEMBERS_MANAGE));
        endpoints.add(new Endpoint("DELETE", () -> "/v1/invitations/" + api.post("/v1/invitations",
                "{\"email\":\"" + uniqueEmail() + "\",\"roles\":[\"viewer\"]}", organization.auth()).string("id"),
                null, AccessPermissions.MEMBERS_MANAGE));
        endpoints.add(new Endpoint("GET", () -> "/v1/me/external-logins", null, null));
        for (var resource : crudResources) {
            Supplier<String> one = () -> resource.path() + "/" + resource.create(api, organization.auth());
            endpoints.add(new Endpoint("GET", resource::path, null, resource.read()));
            endpoints.add(new Endpoint("POST", resource::path, resource.createBody(api, organization.auth()),
                    resource.write()));
            endpoints.add(new Endpoint("GET", one, null, resource.read()));
            endpoints.add(new Endpoint("PATCH", one, resource.updateBody(), resource.write()));
            endpoints.add(new Endpoint("DELETE", one, null, resource.write()));
        }
        endpoints.add(new Endpoint("POST", () -> "/v1/contacts/" + aContactInTheTrash() + "/restore", null,
                ContactPermissions.WRITE));
        endpoints.add(Endpoint.upload(() -> "/v1/imports", ImportFixtures.crew(1), ContactPermissions.IMPORTS_MANAGE));
        endpoints.add(new Endpoint("GET", () -> "/v1/imports", null, ContactPermissions.IMPORTS_MANAGE));
        endpoints.add(new Endpoint("GET", () -> "/v1/imports/" + anImport(), null,
                ContactPermissions.IMPORTS_MANAGE));
        endpoints.add(new Endpoint("POST", () -> "/v1/imports/" + anImport() + "/cancel", null,
                ContactPermissions.IMPORTS_MANAGE));
        endpoints.add(new Endpoint("GET", () -> "/v1/imports/" + anImport() + "/errors.csv", null,
                ContactPermissions.IMPORTS_MANAGE));
        endpoints.add(new Endpoint("POST", () -> "/v1/webhooks/" + aWebhook() + "/rotate-secret", null,
                WebhookPermissions.MANAGE));
        endpoints.add(new Endpoint("GET", () -> "/v1/webhooks/" + aWebhook() + "/deliveries", null,
                WebhookPermissions.READ));
        endpoints.add(new Endpoint("POST", this::aWebhookDeliveryToRedeliver, null, WebhookPermissions.MANAGE));
        return endpoints;
    }

    private String aTask() {
        return createTask(organization, "{\"title\":\"a target\"}");
    }

    private String aContactInTheTrash() {
        var contact = api.post("/v1/contacts", "{\"name\":\"a target\"}", organization.auth());
        assertThat(contact.status()).as(contact.toString()).isEqualTo(201);
        assertThat(api.delete("/v1/contacts/" + contact.string("id"), organization.auth()).status()).isEqualTo(204);
        return contact.string("id");
    }

    /** One import, ended: reading, cancelling (an ended import is returned as it is) and its report need no more. */
    private String anImport() {
        if (anImport == null) {
            anImport = ImportFixtures.upload(api, organization, ImportFixtures.crew(1), Map.of()).string("id");
            ImportFixtures.ended(api, organization, anImport);
        }
        return anImport;
    }

    private String anImport;

    /**
     * Waits for the import jobs that allowed uploads queued: their writes (contacts, status changes, the job's end)
     * come later, in the worker, and must not be taken for the writes of a denied call.
     */
    private void awaitImportJobs() throws SQLException {
        var deadline = java.time.Instant.now().plus(ImportFixtures.PATIENCE);
        while (true) {
            try (var connection = TestDatabase.shared().connectAsSuperuser();
                    var statement = connection.prepareStatement("SELECT count(*) FROM jobs WHERE organization_id = ?"
                            + " AND type = 'contacts.import' AND status IN ('queued', 'running')")) {
                statement.setObject(1, organization.organizationId());
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) == 0) {
                        return;
                    }
                }
            }
            if (java.time.Instant.now().isAfter(deadline)) {
                throw new AssertionError("the matrix's import jobs did not finish");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Disabled: a delivery in the background would write to the audit log while the matrix counts its events. */
    private String aWebhook() {
        var webhook = api.post("/v1/webhooks", "{\"url\":\"http://localhost:9/\",\"eventTypes\":[\"task.created\"],"
                + "\"enabled\":false}", organization.auth());
        assertThat(webhook.status()).as(webhook.toString()).isEqualTo(201);
        return webhook.string("id");
    }

    /**
     * A failed delivery of a disabled endpoint, written directly (no change raises events for a disabled endpoint);
     * redelivering it fails at once, without a job.
     */
    private String aWebhookDeliveryToRedeliver() {
        var webhookId = aWebhook();
        var eventId = UUID.randomUUID();
        var deliveryId = UUID.randomUUID();
        try (var connection = TestDatabase.shared().connectAsSuperuser();
                var statement = connection.prepareStatement("""
                        INSERT INTO webhook_events (organization_id, id, type, payload)
                        VALUES (?, ?, 'task.created', '{}');
                        INSERT INTO webhook_deliveries (organization_id, id, webhook_id, event_id, status)
                        VALUES (?, ?, ?, ?, 'failed')""")) {
            statement.setObject(1, organization.organizationId());
            statement.setObject(2, eventId);
            statement.setObject(3, organization.organizationId());
            statement.setObject(4, deliveryId);
            statement.setObject(5, UUID.fromString(webhookId));
            statement.setObject(6, eventId);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return "/v1/webhooks/" + webhookId + "/deliveries/" + deliveryId + "/redeliver";
    }

    private UUID aMember() {
        return access.member(organization, "target", null, "member");
    }

    private String aRole() {
        var role = api.post("/v1/roles", "{\"name\":\"target-" + UUID.randomUUID().toString().substring(0, 8)
                + "\",\"permissions\":[\"tasks:read\"]}", organization.auth());
        assertThat(role.status()).as(role.toString()).isEqualTo(201);
        return role.string("id");
    }

    @Test
    void everyEndpointAllowsExactlyTheRolesThatHoldItsPermission() throws SQLException {
        var failures = new ArrayList<String>();
        for (var endpoint : endpoints()) {
            for (var credential : Credential.values()) {
                var path = endpoint.target().get();
                awaitImportJobs();
                var eventsBefore = auditEvents();
                var response = endpoint.upload() != null
                        ? api.upload(path, Map.of(), "crew.csv", endpoint.upload(), auth.get(credential))
                        : api.send(endpoint.method(), path, endpoint.freshBody(), auth.get(credential));
                var cell = endpoint.method() + " " + path + " as " + credential + ": " + response;

                if (credential == Credential.NONE) {
                    expect(response.status() == 401, cell, failures);
                } else if (allowed(credential, endpoint)) {
                    expect(response.status() >= 200 && response.status() < 300, cell, failures);
                } else {
                    expect(response.status() == 403
                            && response.header("Content-Type").startsWith("application/problem+json"), cell,
                            failures);
                }
                if (!(response.status() >= 200 && response.status() < 300)) {
                    expect(auditEvents() == eventsBefore, cell + " wrote something", failures);
                }
            }
        }
        assertThat(failures).as("cells of the matrix that disagree with the specification").isEmpty();
    }

    @Test
    void everyRouteIsInTheMatrixOrLeftOutForAReason() {
        var routes = router.uriRoutes()
                .filter(route -> route.getUriMatchTemplate().toPathString().startsWith("/v1"))
                .filter(route -> !route.getHttpMethodName().equals("HEAD")) // Micronaut's twin of each GET
                .map(route -> route.getHttpMethodName() + " " + route.getUriMatchTemplate().toPathString())
                .collect(Collectors.toCollection(TreeSet::new));
        var covered = new TreeSet<>(NOT_IN_THE_MATRIX.keySet());
        for (var endpoint : endpoints()) {
            var path = URI.create(endpoint.target().get()).getPath();
            router.find(HttpMethod.valueOf(endpoint.method()), path, null)
                    .map(match -> endpoint.method() + " " + match.getRouteInfo().getUriMatchTemplate().toPathString())
                    .forEach(covered::add);
        }
        assertThat(covered).as("every /v1 route must join the permission matrix (endpoints(), or a CrudResource "
                + "bean) or be listed in NOT_IN_THE_MATRIX with its reason: the routes not found are missing")
                .containsExactlyInAnyOrderElementsOf(routes);
    }

    private boolean allowed(Credential credential, Endpoint endpoint) {
        if (endpoint.needs() == null) {
            return credential != Credential.API_KEY; // a user's own data: any user, no key
        }
        return granted.get(credential).contains(endpoint.needs());
    }

    private static void expect(boolean holds, String cell, List<String> failures) {
        if (!holds) {
            failures.add(cell);
        }
    }

    private long auditEvents() throws SQLException {
        try (var connection = TestDatabase.shared().connectAsSuperuser();
                var statement = connection.prepareStatement(
                        "SELECT count(*) FROM audit_events WHERE organization_id = ?")) {
            statement.setObject(1, organization.organizationId());
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
