package dev.tenantcore.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.identity.domain.ExternalLogin;
import dev.tenantcore.identity.domain.ExternalLoginRepository;
import dev.tenantcore.shared.adapter.persistence.TestDatabase;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import dev.tenantcore.support.AccessFixtures;
import dev.tenantcore.support.ApiClient;
import dev.tenantcore.support.CrudResource;
import dev.tenantcore.support.ImportFixtures;
import dev.tenantcore.support.ServiceTest;
import dev.tenantcore.support.Tenant;
import dev.tenantcore.support.TestMemberships;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two organizations, A and B, with twin data. Acting as A, every endpoint is tried against B's data: nothing of B
 * may be read, changed or deleted, lists hold exactly A's rows, and naming B in a body, query or header is
 * ignored. {@link #everyEndpointIsCoveredBySomeProbe} keeps new endpoints from escaping the suite.
 */
@MicronautTest(transactional = false)
class HttpTenantIsolationTest extends ServiceTest {

    /**
     * The twin data: what each organization owns besides its organization row, built-in roles and first key. Both
     * have a custom role of the same name; each has a member holding it, with a task assigned, and an open invitation.
     */
    record Twin(Tenant tenant, List<String> taskIds, String extraKeyId, String deletedTaskId, String memberId,
            String roleId, String invitationId, String invitationToken, String importId) {
    }

    static final String TWIN_ROLE = "twin-role";

    /** A request by A aimed at one of B's resources; {@code path} picks the resource from B's twin. */
    record ByIdProbe(String route, String method, Function<Twin, String> path, String body) {
    }

    static final List<ByIdProbe> BY_ID_PROBES = List.of(
            new ByIdProbe("GET /v1/tasks/{id}", "GET", twin -> "/v1/tasks/" + twin.taskIds().getFirst(), null),
            new ByIdProbe("PATCH /v1/tasks/{id}", "PATCH", twin -> "/v1/tasks/" + twin.taskIds().getFirst(),
                    "{\"title\":\"hijacked\",\"completed\":true}"),
            new ByIdProbe("DELETE /v1/tasks/{id}", "DELETE", twin -> "/v1/tasks/" + twin.taskIds().getFirst(), null),
            new ByIdProbe("DELETE /v1/api-keys/{id}", "DELETE", twin -> "/v1/api-keys/" + twin.extraKeyId(), null),
            new ByIdProbe("DELETE /v1/invitations/{id}", "DELETE",
                    twin -> "/v1/invitations/" + twin.invitationId(), null),
            new ByIdProbe("GET /v1/tasks/{id}", "GET",
                    twin -> "/v1/tasks/" + twin.taskIds().getFirst() + "?asOf=" + Instant.now(), null),
            new ByIdProbe("GET /v1/{collection}/{id}/history", "GET",
                    twin -> "/v1/tasks/" + twin.taskIds().getFirst() + "/history", null),
            new ByIdProbe("GET /v1/{collection}/{id}/history", "GET",
                    twin -> "/v1/tasks/" + twin.deletedTaskId() + "/history", null),
            new ByIdProbe("GET /v1/members/{userId}", "GET", twin -> "/v1/members/" + twin.memberId(), null),
            new ByIdProbe("PATCH /v1/members/{userId}", "PATCH", twin -> "/v1/members/" + twin.memberId(),
                    "{\"roles\":[\"viewer\"],\"status\":\"suspended\"}"),
            new ByIdProbe("DELETE /v1/members/{userId}", "DELETE", twin -> "/v1/members/" + twin.memberId(), null),
            new ByIdProbe("GET /v1/roles/{id}", "GET", twin -> "/v1/roles/" + twin.roleId(), null),
            new ByIdProbe("PATCH /v1/roles/{id}", "PATCH", twin -> "/v1/roles/" + twin.roleId(),
                    "{\"description\":\"hijacked\",\"permissions\":[\"audit:read\"]}"),
            new ByIdProbe("DELETE /v1/roles/{id}", "DELETE", twin -> "/v1/roles/" + twin.roleId(), null),
            new ByIdProbe("GET /v1/imports/{id}", "GET", twin -> "/v1/imports/" + twin.importId(), null),
            new ByIdProbe("POST /v1/imports/{id}/cancel", "POST",
                    twin -> "/v1/imports/" + twin.importId() + "/cancel", null),
            new ByIdProbe("GET /v1/imports/{id}/errors.csv", "GET",
                    twin -> "/v1/imports/" + twin.importId() + "/errors.csv", null),
            new ByIdProbe("GET /v1/{collection}/{id}/history", "GET",
                    twin -> "/v1/imports/" + twin.importId() + "/history", null));
    private static final Pattern AN_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** Routes with no id: they act on the caller's own organization, checked below one by one. */
    static final Set<String> CALLER_SCOPED_ROUTES = Set.of(
            "GET /v1/organization", "PATCH /v1/organization", "GET /v1/tasks", "POST /v1/tasks", "GET /v1/api-keys",
            "POST /v1/api-keys", "GET /v1/audit-events", "GET /v1/audit-events/export", "GET /v1/members",
            "GET /v1/roles", "POST /v1/roles", "GET /v1/me", "GET /v1/invitations", "POST /v1/invitations",
            "GET /v1/imports", "POST /v1/imports");

    /**
     * No tenant yet: sign-up is covered by the spoofing test (a body naming B cannot join B); logging in names the
     * organization and gets a token for it only if the account is its member (AuthApiTest).
     */
    static final Set<String> TENANTLESS_ROUTES = Set.of("POST /v1/organizations", "POST /v1/auth/token",
            "POST /v1/auth/refresh", "POST /v1/auth/logout",
            "POST /v1/invitations/accept", "GET /v1/auth/oidc/{provider}/authorize",
            "GET /v1/auth/oidc/{provider}/callback", "POST /v1/auth/oidc/exchange",
            "GET /v1/auth/oidc/{provider}/logout", "POST /v1/auth/oidc/{provider}/backchannel-logout");

    /**
     * A user's own rows, across organizations: checked by {@link #anotherUsersExternalLoginsAreNotFoundAndStay}
     * with users' tokens (the probes above act with API keys, which these routes refuse).
     */
    static final Set<String> EXTERNAL_LOGIN_ROUTES = Set.of("GET /v1/me/external-logins",
            // One path parameter name for both (OpenAPI: a path holds one template): the provider, or the link id.
            "POST /v1/me/external-logins/{target}", "DELETE /v1/me/external-logins/{target}");

    /**
     * The caller's own account: these act on the person the token belongs to, whoever the body names, and read the
     * audit log of the token's organization only (userScopedEndpointsActOnTheCallerAloneInTheTokensOrganization).
     */
    static final Set<String> USER_SCOPED_ROUTES = Set.of("PATCH /v1/me/profile", "PATCH /v1/me/preferences",
            "POST /v1/me/password", "GET /v1/me/export", "DELETE /v1/me");

    @Inject
    Router router;
    @Inject
    AccessFixtures access;
    /** Modules' collections, registered in their own test packages: probed like the routes above. */
    @Inject
    List<CrudResource> crudResources;
    /** For each organization, the id of one entity of each registered collection. */
    final Map<UUID, Map<String, String>> crudIds = new HashMap<>();

    Twin a;
    Twin b;
    /** One person owns both organizations: their token for A must not reach B. */
    String[] bothOwnersTokenForA;

    @BeforeAll
    void seedTwins() {
        var apiForSeeding = new ApiClient(server.getURI(), jsonMapper);
        api = apiForSeeding;
        var ownerOfBoth = uniqueEmail();
        a = twin(signUpWithOwner(ownerOfBoth));
        b = twin(signUpWithOwner(ownerOfBoth));
        bothOwnersTokenForA = userAuth(ownerOfBoth, a.tenant().slug());
    }

    private Twin twin(Tenant tenant) {
        var ids = new HashMap<String, String>();
        crudResources.forEach(resource -> ids.put(resource.collection(), resource.create(api, tenant.auth())));
        crudIds.put(tenant.organizationId(), ids);
        var tasks = new ArrayList<String>();
        tasks.add(createTask(tenant, "{\"title\":\"Quarterly report\",\"dueDate\":\"2026-12-01T00:00:00Z\"}"));
        tasks.add(createTask(tenant, "{\"title\":\"Hire\",\"completed\":true}"));
        tasks.add(createTask(tenant, "{\"title\":\"Plan offsite\",\"description\":\"Somewhere warm\"}"));
        var key = api.post("/v1/api-keys", "{\"name\":\"twin\"}", tenant.auth());
        var deleted = createTask(tenant, "{\"title\":\"Gone, with a history\"}");
        api.patch("/v1/tasks/" + deleted, "{\"completed\":true}", tenant.auth());
        api.delete("/v1/tasks/" + deleted, tenant.auth());
        var role = api.post("/v1/roles", "{\"name\":\"" + TWIN_ROLE + "\",\"permissions\":[\"tasks:read\"]}",
                tenant.auth());
        assertThat(role.status()).as(role.toString()).isEqualTo(201);
        var member = access.member(tenant, "twin", "Twin", TWIN_ROLE, "member");
        createTask(tenant, "{\"title\":\"Assigned\",\"assigneeId\":\"" + member + "\"}");
        var invitation = api.post("/v1/invitations", "{\"email\":\"twin-" + UUID.randomUUID()
                + "@example.com\",\"roles\":[\"member\"]}", tenant.auth());
        assertThat(invitation.status()).as(invitation.toString()).isEqualTo(201);
        // An import with a refused row (an error report to probe), ended before the probes, so that B's rows hold
        // still while they run.
        var contactImport = ImportFixtures.upload(api, tenant,
                "name,email\nTwin,twin@example.com\nBroken,not-an-email\n".getBytes(StandardCharsets.UTF_8),
                Map.of());
        ImportFixtures.ended(api, tenant, contactImport.string("id"));
        return new Twin(tenant, List.copyOf(tasks.reversed()), key.string("id"), deleted, member.toString(),
                role.string("id"), invitation.string("id"), invitation.string("token"), contactImport.string("id"));
    }

    @Test
    void everyEndpointIsCoveredBySomeProbe() {
        var routes = router.uriRoutes()
                .map(route -> route.getHttpMethodName() + " " + route.getUriMatchTemplate().toPathString())
                .filter(route -> route.contains(" /v1"))
                .filter(route -> !route.startsWith("HEAD ")) // Micronaut's automatic twin of each GET, same code
                .collect(Collectors.toSet());
        var covered = new HashSet<String>(CALLER_SCOPED_ROUTES);
        covered.addAll(TENANTLESS_ROUTES);
        covered.addAll(USER_SCOPED_ROUTES);
        covered.addAll(EXTERNAL_LOGIN_ROUTES);
        probes().forEach(probe -> covered.add(probe.route()));
        crudResources.forEach(resource -> covered.addAll(resource.routes()));

        assertThat(covered).as("every /v1 route must join the isolation suite (the routes not found are missing "
                + "from it; a module's collection joins through a CrudResource bean)")
                .containsExactlyInAnyOrderElementsOf(routes);
    }

    @Test
    void anotherTenantsIdsAreNotFoundAndStayUntouched() throws SQLException {
        var before = rowsOf(b);
        for (var probe : probes()) {
            var victim = probe.path().apply(b);
            var random = AN_ID.matcher(victim).replaceFirst(UUID.randomUUID().toString());

            var attack = api.send(probe.method(), victim, probe.body(), a.tenant().auth());
            var control = api.send(probe.method(), random, probe.body(), a.tenant().auth());

            assertThat(attack.status()).as(probe.route()).isEqualTo(404);
            assertThat(attack.body()).as(probe.route() + ": same answer as for an id that does not exist")
                    .isEqualTo(control.body());
        }
        assertThat(rowsOf(b)).isEqualTo(before);
        assertThat(api.get("/v1/tasks/" + b.taskIds().getFirst(), b.tenant().auth()).status()).isEqualTo(200);
    }

    @Test
    void aUserOfBothOrganizationsReachesOnlyTheOrganizationOfTheirToken() throws SQLException {
        var before = rowsOf(b);
        for (var probe : probes()) {
            var victim = probe.path().apply(b);
            var random = AN_ID.matcher(victim).replaceFirst(UUID.randomUUID().toString());

            var attack = api.send(probe.method(), victim, probe.body(), bothOwnersTokenForA);
            var control = api.send(probe.method(), random, probe.body(), bothOwnersTokenForA);

            assertThat(attack.status()).as(probe.route()).isEqualTo(404);
            assertThat(attack.body()).as(probe.route()).isEqualTo(control.body());
        }
        assertThat(api.get("/v1/me", bothOwnersTokenForA).string("organizationId"))
                .isEqualTo(a.tenant().organizationId().toString());
        assertThat(api.get("/v1/organization", bothOwnersTokenForA).string("id"))
                .isEqualTo(a.tenant().organizationId().toString());
        var listed = new HashSet<String>();
        api.get("/v1/tasks?limit=100", bothOwnersTokenForA).items().forEach(item -> listed.add(item.get("id").toString()));
        assertThat(listed).isEqualTo(idsInDatabase("tasks", a));
        assertThat(rowsOf(b)).isEqualTo(before);
    }

    @Test
    void listsHoldExactlyTheCallersRowsOnEveryPage() throws SQLException {
        assertThat(allPages("/v1/tasks?limit=2", a)).isEqualTo(idsInDatabase("tasks", a));
        assertThat(allPages("/v1/tasks?limit=1&completed=false", a))
                .isEqualTo(idsInDatabase("tasks", a, "AND NOT completed"));
        assertThat(allPages("/v1/api-keys?limit=1", a)).isEqualTo(idsInDatabase("api_keys", a));
        assertThat(allPages("/v1/invitations?limit=1", a)).isEqualTo(idsInDatabase("invitations", a));
        assertThat(allPages("/v1/tasks?limit=2", b)).isEqualTo(idsInDatabase("tasks", b));
        assertThat(allPages("/v1/audit-events?limit=3", a)).isEqualTo(idsInDatabase("audit_events", a));
        assertThat(allPages("/v1/audit-events?limit=2&entityType=task", b))
                .isEqualTo(idsInDatabase("audit_events", b, "AND entity_type = 'task'"));
        assertThat(exported("/v1/audit-events/export", a)).isEqualTo(idsInDatabase("audit_events", a));
        assertThat(allPages("/v1/members?limit=1", a, "userId"))
                .isEqualTo(idsInDatabase("memberships", "user_id", a, ""));
        assertThat(allPages("/v1/roles?limit=2", b)).isEqualTo(idsInDatabase("roles", b));
        assertThat(allPages("/v1/imports?limit=1", a)).isEqualTo(idsInDatabase("imports", a));
        assertThat(allPages("/v1/tasks?limit=1&assigneeId=" + b.memberId(), a)).isEmpty();
        for (var resource : crudResources) {
            assertThat(allPages(resource.path() + "?limit=1", a)).as(resource.path())
                    .isEqualTo(idsInDatabase(resource.collection(), a));
        }
    }

    /** The by-id probes, those of the registered collections included. */
    private List<ByIdProbe> probes() {
        var probes = new ArrayList<>(BY_ID_PROBES);
        for (var resource : crudResources) {
            Function<Twin, String> one = twin -> resource.path() + "/"
                    + crudIds.get(twin.tenant().organizationId()).get(resource.collection());
            probes.add(new ByIdProbe("GET " + resource.path() + "/{id}", "GET", one, null));
            probes.add(new ByIdProbe("PATCH " + resource.path() + "/{id}", "PATCH", one, resource.updateBody()));
            probes.add(new ByIdProbe("DELETE " + resource.path() + "/{id}", "DELETE", one, null));
        }
        // Beside its CrudResource: restoring a contact (B's, in the trash: ContactIsolationTest).
        probes.add(new ByIdProbe("POST /v1/contacts/{id}/restore", "POST", twin -> "/v1/contacts/"
                + crudIds.get(twin.tenant().organizationId()).get("contacts") + "/restore", null));
        // Beside its CrudResource: a webhook endpoint's secret, delivery log and redelivery.
        Function<Twin, String> webhook = twin -> "/v1/webhooks/" + crudIds.get(twin.tenant().organizationId())
                .get("webhooks");
        probes.add(new ByIdProbe("POST /v1/webhooks/{id}/rotate-secret", "POST",
                twin -> webhook.apply(twin) + "/rotate-secret", null));
        probes.add(new ByIdProbe("GET /v1/webhooks/{id}/deliveries", "GET",
                twin -> webhook.apply(twin) + "/deliveries", null));
        probes.add(new ByIdProbe("POST /v1/webhooks/{id}/deliveries/{deliveryId}/redeliver", "POST",
                twin -> webhook.apply(twin) + "/deliveries/" + UUID.randomUUID() + "/redeliver", null));
        return probes;
    }

    @Test
    void anotherTenantsMembersAndRolesCannotBeReferredTo() throws SQLException {
        var before = rowsOf(b);
        var random = UUID.randomUUID();
        var mine = access.member(a.tenant(), "mine", null, "viewer");

        var assignedToTheirs = api.post("/v1/tasks", "{\"title\":\"t\",\"assigneeId\":\"" + b.memberId() + "\"}",
                a.tenant().auth());
        var assignedToNobody = api.post("/v1/tasks", "{\"title\":\"t\",\"assigneeId\":\"" + random + "\"}",
                a.tenant().auth());
        var theirRoleById = api.patch("/v1/members/" + mine, "{\"roles\":[\"" + b.roleId() + "\"]}",
                a.tenant().auth());
        var twinRole = api.patch("/v1/members/" + mine, "{\"roles\":[\"" + TWIN_ROLE + "\"]}", a.tenant().auth());
        var keyWithTwinRole = api.post("/v1/api-keys", "{\"name\":\"k\",\"roles\":[\"" + TWIN_ROLE + "\"]}",
                a.tenant().auth());

        assertThat(assignedToTheirs.status()).as("a task assigned to the other organization's member: a foreign key "
                + "must include organization_id, (organization_id, assignee_id) -> memberships").isEqualTo(422);
        assertThat(assignedToTheirs.body()).as("same answer as for a user who is nobody's member")
                .isEqualTo(assignedToNobody.body());
        assertThat(theirRoleById.status()).as("roles are named, and ids are no names").isEqualTo(422);
        // A role name means the caller's own role of that name, never the other organization's.
        assertThat(twinRole.status()).isEqualTo(200);
        assertThat(roleIdsHeld("user_roles", "user_id", mine)).containsExactly(a.roleId());
        assertThat(keyWithTwinRole.status()).isEqualTo(201);
        assertThat(roleIdsHeld("api_key_roles", "api_key_id", UUID.fromString(keyWithTwinRole.string("id"))))
                .containsExactly(a.roleId());
        assertThat(rowsOf(b)).isEqualTo(before);
    }

    private List<String> roleIdsHeld(String table, String holderColumn, UUID holder) throws SQLException {
        try (var superuser = TestDatabase.shared().connectAsSuperuser(); var query = superuser.prepareStatement(
                "SELECT role_id FROM " + table + " WHERE " + holderColumn + " = ?")) {
            query.setObject(1, holder);
            var ids = new ArrayList<String>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    @Test
    void anotherTenantsEventsCannotBeFilteredFor() {
        var victimTask = b.taskIds().getFirst();
        var bKey = b.tenant().apiKeyId();

        assertThat(allPages("/v1/audit-events?limit=5&entityId=" + victimTask, a)).isEmpty();
        assertThat(allPages("/v1/audit-events?limit=5&actorId=" + bKey, a)).isEmpty();
        assertThat(exported("/v1/audit-events/export?entityId=" + victimTask, a)).isEmpty();
        assertThat(allPages("/v1/audit-events?limit=5&entityId=" + victimTask, b)).isNotEmpty();
    }

    @Inject
    ExternalLoginRepository externalLogins;
    @Inject
    TenantTransactions transactions;

    @Test
    void anotherUsersExternalLoginsAreNotFoundAndStay() throws SQLException {
        var adaEmail = uniqueEmail();
        var ada = signUpWithOwner(adaEmail);
        var graceEmail = uniqueEmail();
        var grace = signUpWithOwner(graceEmail);
        var adaAuth = userAuth(adaEmail, ada.slug());
        var graceAuth = userAuth(graceEmail, grace.slug());
        var adaId = new UserId(UUID.fromString(logIn(adaEmail, ada.slug()).string("userId")));
        var graceId = new UserId(UUID.fromString(logIn(graceEmail, grace.slug()).string("userId")));
        var adasLink = linked(ada, adaId, "ada-" + UUID.randomUUID());
        var gracesLinks = List.of(linked(grace, graceId, "grace-" + UUID.randomUUID()),
                linked(grace, graceId, "grace-" + UUID.randomUUID()));
        var before = linksInDatabase(graceId);

        var attack = api.delete("/v1/me/external-logins/" + gracesLinks.getFirst().id(), adaAuth);
        var control = api.delete("/v1/me/external-logins/" + UUID.randomUUID(), adaAuth);
        var adasList = api.get("/v1/me/external-logins", adaAuth);
        var gracesList = api.get("/v1/me/external-logins", graceAuth);

        assertThat(attack.status()).isEqualTo(404);
        assertThat(attack.body()).as("same answer as for an id that does not exist").isEqualTo(control.body());
        assertThat(adasList.items()).extracting(item -> item.get("id"))
                .containsExactlyElementsOf(linksInDatabase(adaId))
                .containsExactly(adasLink.id().toString());
        assertThat(gracesList.items()).extracting(item -> item.get("id")).containsExactlyElementsOf(before);
        assertThat(linksInDatabase(graceId)).isEqualTo(before).hasSize(2);
    }

    private ExternalLogin linked(Tenant home, UserId userId, String subject) {
        var login = ExternalLogin.link(userId, "isolation-idp", subject, null, Instant.now());
        transactions.writeForUser(new OrganizationId(home.organizationId()), userId, () -> {
            externalLogins.insert(login);
            return null;
        });
        return login;
    }

    private List<String> linksInDatabase(UserId userId) throws SQLException {
        try (var superuser = TestDatabase.shared().connectAsSuperuser();
                var query = superuser.prepareStatement(
                        "SELECT id FROM user_external_logins WHERE user_id = ? ORDER BY id")) {
            query.setObject(1, userId.value());
            var ids = new ArrayList<String>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    private Set<String> exported(String path, Twin caller) {
        var response = api.get(path, caller.tenant().auth());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        var ids = response.lines().stream().map(line -> line.get("id").toString()).toList();
        assertThat(ids).as("no event twice").doesNotHaveDuplicates();
        return Set.copyOf(ids);
    }

    @Test
    void callerScopedEndpointsActOnTheCallersOrganizationOnly() throws SQLException {
        var before = rowsOf(b);

        assertThat(api.get("/v1/organization", a.tenant().auth()).string("id"))
                .isEqualTo(a.tenant().organizationId().toString());
        assertThat(api.patch("/v1/organization", "{\"name\":\"A renamed\"}", a.tenant().auth()).status())
                .isEqualTo(200);

        assertThat(rowsOf(b)).isEqualTo(before);
    }

    @Test
    void userScopedEndpointsActOnTheCallerAloneInTheTokensOrganization() throws SQLException {
        var owner = UUID.fromString(api.get("/v1/me", bothOwnersTokenForA).string("id"));
        // A neighbour: a member of A, owning an organization of their own together with a co-owner.
        var neighbourEmail = uniqueEmail();
        var neighbourHome = signUpWithOwner(neighbourEmail);
        var neighbourId = UUID.fromString(logIn(neighbourEmail, neighbourHome.slug()).string("userId"));
        var coOwnerEmail = uniqueEmail();
        var coOwnerId = UUID.fromString(logIn(coOwnerEmail, signUpWithOwner(coOwnerEmail).slug()).string("userId"));
        TestMemberships.add(neighbourHome.organizationId(), coOwnerId, "owner");
        TestMemberships.add(a.tenant().organizationId(), neighbourId, "member");
        var neighbour = userAuth(neighbourEmail, a.tenant().slug());
        var spoofed = ", \"userId\": \"%s\", \"id\": \"%s\", \"organizationId\": \"%s\"}"
                .formatted(owner, owner, b.tenant().organizationId());
        var before = rowsOf(b);
        var ownersRows = personalRowsOf(owner);

        assertThat(api.patch("/v1/me/profile", "{\"bio\": \"neighbourly\"" + spoofed, neighbour).json())
                .containsEntry("bio", "neighbourly");
        assertThat(api.patch("/v1/me/preferences", "{\"theme\": \"dark\"" + spoofed, neighbour).status())
                .isEqualTo(200);
        var export = api.get("/v1/me/export?userId=" + owner, neighbour);
        assertThat(export.object("account")).containsEntry("id", neighbourId.toString());
        assertThat(organizationsIn(export)).containsExactlyInAnyOrder(a.tenant().organizationId().toString(),
                neighbourHome.organizationId().toString());
        var ownersExport = api.get("/v1/me/export", bothOwnersTokenForA);
        assertThat(organizationsIn(ownersExport)).containsExactlyInAnyOrder(a.tenant().organizationId().toString(),
                b.tenant().organizationId().toString());
        for (var exported : List.of(export, ownersExport)) {
            var events = new HashSet<String>();
            @SuppressWarnings("unchecked")
            var listed = (List<Map<String, Object>>) exported.object("auditLog").get("events");
            listed.forEach(event -> events.add(event.get("id").toString()));
            assertThat(idsInDatabase("audit_events", a)).as("only A's log").containsAll(events);
        }
        assertThat(api.post("/v1/me/password", "{\"currentPassword\": \"%s\", \"newPassword\": \"%s\"%s"
                .formatted(PASSWORD, "the neighbour's new passphrase", spoofed), neighbour).status()).isEqualTo(204);
        assertThat(api.delete("/v1/me?userId=" + owner, neighbour).status()).isEqualTo(204);

        assertThat(rowsOf(b)).isEqualTo(before);
        assertThat(personalRowsOf(owner)).as("the owner of both is untouched").isEqualTo(ownersRows);
        assertThat(logIn(coOwnerEmail, neighbourHome.slug()).status()).isEqualTo(200);
    }

    @SuppressWarnings("unchecked")
    private static List<String> organizationsIn(ApiClient.Response export) {
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        return ((List<Map<String, Object>>) export.json().get("memberships")).stream()
                .map(membership -> membership.get("organizationId").toString()).toList();
    }

    @Test
    void namingTheOtherOrganizationInBodyQueryOrHeadersIsIgnored() throws SQLException {
        var victim = b.tenant().organizationId().toString();
        var spoofHeaders = a.tenant().auth("X-Organization-Id", victim, "X-Tenant-Id", victim);
        var before = rowsOf(b);

        var task = api.post("/v1/tasks", "{\"title\":\"Mine\",\"organizationId\":\"" + victim
                + "\",\"organization_id\":\"" + victim + "\"}", spoofHeaders);
        var key = api.post("/v1/api-keys", "{\"name\":\"mine\",\"organizationId\":\"" + victim + "\"}", spoofHeaders);
        var invitation = api.post("/v1/invitations", "{\"email\":\"spoof-" + UUID.randomUUID()
                + "@example.com\",\"roles\":[\"viewer\"],\"organizationId\":\"" + victim + "\"}", spoofHeaders);
        var renamed = api.patch("/v1/organization", "{\"name\":\"Still A\",\"id\":\"" + victim + "\"}", spoofHeaders);
        var listed = allPages("/v1/tasks?organizationId=" + victim + "&organization_id=" + victim, a);
        var signUp = api.post("/v1/organizations", "{\"name\":\"Joiner\",\"slug\":\"joiner-" + UUID.randomUUID()
                .toString().substring(0, 8) + "\",\"id\":\"" + victim + "\",\"organizationId\":\"" + victim + "\"}");

        assertThat(task.status()).isEqualTo(201);
        assertThat(ownerOf("tasks", task.string("id"))).isEqualTo(a.tenant().organizationId());
        assertThat(key.status()).isEqualTo(201);
        assertThat(ownerOf("api_keys", key.string("id"))).isEqualTo(a.tenant().organizationId());
        assertThat(invitation.status()).as(invitation.toString()).isEqualTo(201);
        assertThat(ownerOf("invitations", invitation.string("id"))).isEqualTo(a.tenant().organizationId());
        assertThat(renamed.string("id")).isEqualTo(a.tenant().organizationId().toString());
        assertThat(listed).isEqualTo(idsInDatabase("tasks", a));
        assertThat(signUp.status()).isEqualTo(201);
        assertThat(signUp.object("organization").get("id")).isNotEqualTo(victim);
        assertThat(rowsOf(b)).isEqualTo(before);
    }

    @Test
    void acceptingAnInvitationOfOneTenantNeverTouchesTheOther() throws SQLException {
        var fresh = api.post("/v1/invitations", "{\"email\":\"joiner-" + UUID.randomUUID()
                + "@example.com\",\"roles\":[\"viewer\"]}", a.tenant().auth());
        var token = fresh.string("token");
        var before = rowsOf(b);

        // A's invitation id and secret under B's organization id: looked up in B only, where it does not exist.
        var raw = Base64.getUrlDecoder().decode(token.substring("tci_".length()));
        var victim = b.tenant().organizationId();
        ByteBuffer.wrap(raw).putLong(victim.getMostSignificantBits()).putLong(victim.getLeastSignificantBits());
        var moved = "tci_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        var body = "{\"token\":\"%s\",\"password\":\"correct horse battery staple\",\"displayName\":\"Joiner "
                + UUID.randomUUID() + "\"}";
        var misdirected = api.post("/v1/invitations/accept", body.formatted(moved));
        assertThat(misdirected.status()).as(misdirected.toString()).isEqualTo(404);

        // Accepted with A's token: the membership is A's, and B gains nothing.
        var accepted = api.post("/v1/invitations/accept", body.formatted(token));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.string("organizationId")).isEqualTo(a.tenant().organizationId().toString());
        var withBsKey = api.post("/v1/invitations/accept", body.formatted(b.invitationToken()), a.tenant().auth());
        assertThat(withBsKey.status()).as("an API key of A cannot accept B's invitation").isEqualTo(403);

        assertThat(rowsOf(b)).isEqualTo(before);
    }

    private Set<String> allPages(String firstPage, Twin caller) {
        return allPages(firstPage, caller, "id");
    }

    private Set<String> allPages(String firstPage, Twin caller, String idProperty) {
        var ids = new ArrayList<String>();
        var path = firstPage;
        while (path != null) {
            var page = api.get(path, caller.tenant().auth());
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.items().forEach(item -> ids.add(item.get(idProperty).toString()));
            var next = page.string("nextCursor");
            path = next == null ? null : firstPage + "&cursor=" + next;
        }
        assertThat(ids).as("no item twice").doesNotHaveDuplicates();
        return Set.copyOf(ids);
    }

    // The database's view, as a superuser: the ground truth the API's answers are compared with.

    private Set<String> idsInDatabase(String table, Twin owner) throws SQLException {
        return idsInDatabase(table, owner, "");
    }

    private Set<String> idsInDatabase(String table, Twin owner, String condition) throws SQLException {
        return idsInDatabase(table, "id", owner, condition);
    }

    private Set<String> idsInDatabase(String table, String idColumn, Twin owner, String condition)
            throws SQLException {
        try (var superuser = TestDatabase.shared().connectAsSuperuser();
                var query = superuser.prepareStatement(
                        "SELECT " + idColumn + " FROM " + table + " WHERE organization_id = ? " + condition)) {
            query.setObject(1, owner.tenant().organizationId());
            var ids = new HashSet<String>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    private UUID ownerOf(String table, String id) throws SQLException {
        try (var superuser = TestDatabase.shared().connectAsSuperuser();
                var query = superuser.prepareStatement("SELECT organization_id FROM " + table + " WHERE id = ?")) {
            query.setObject(1, UUID.fromString(id));
            try (var rows = query.executeQuery()) {
                assertThat(rows.next()).as(table + " " + id + " exists").isTrue();
                return rows.getObject(1, UUID.class);
            }
        }
    }

    /** A person's own rows, as text: account, profile, preferences, password, refresh tokens. */
    private static String personalRowsOf(UUID userId) throws SQLException {
        try (var superuser = TestDatabase.shared().connectAsSuperuser(); var query = superuser.prepareStatement("""
                SELECT (SELECT u::text FROM users u WHERE id = ?) || (SELECT p::text FROM user_profiles p
                    WHERE user_id = ?) || (SELECT x::text FROM user_preferences x WHERE user_id = ?)
                    || (SELECT c::text FROM user_credentials c WHERE user_id = ?)
                    || (SELECT string_agg(r::text, ',' ORDER BY id) FROM refresh_tokens r WHERE user_id = ?)""")) {
            for (int i = 1; i <= 5; i++) {
                query.setObject(i, userId);
            }
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    /**
     * Every row B owns in every table that holds organizations' rows (the catalog lists them: a new module's tables
     * join by themselves), as text by table, so any change to any column shows.
     */
    private Map<String, String> rowsOf(Twin owner) throws SQLException {
        try (var superuser = TestDatabase.shared().connectAsSuperuser()) {
            var rows = new TreeMap<String, String>();
            for (var table : IsolationCatalog.organizationTables(superuser)) {
                var tenantColumn = table.equals(IsolationCatalog.ROOT_TABLE) ? "id" : "organization_id";
                try (var query = superuser.prepareStatement("SELECT coalesce(string_agg(r::text, ',' ORDER BY "
                        + "r::text), '') FROM " + table + " r WHERE " + tenantColumn + " = ?")) {
                    query.setObject(1, owner.tenant().organizationId());
                    try (var result = query.executeQuery()) {
                        result.next();
                        rows.put(table, result.getString(1));
                    }
                }
            }
            return rows;
        }
    }
}
