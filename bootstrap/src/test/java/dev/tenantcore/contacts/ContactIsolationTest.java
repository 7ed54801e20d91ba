package dev.tenantcore.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.shared.adapter.persistence.TestDatabase;
import dev.tenantcore.support.ApiClient;
import dev.tenantcore.support.ServiceTest;
import dev.tenantcore.support.Tenant;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contacts' routes beyond HttpTenantIsolationTest's probes: two organizations with look-alike crews. Search,
 * the trash and restore show and touch exactly the caller's own rows, as the database (read as a superuser) has
 * them; the other organization's similar names never appear.
 */
@MicronautTest(transactional = false)
class ContactIsolationTest extends ServiceTest {
    static final String QUERY = "John Smith";

    Tenant a;
    Tenant b;
    String bInTheTrash;
    String bDepartment;

    @BeforeAll
    void seedLookAlikes() {
        api = new ApiClient(server.getURI(), jsonMapper);
        a = signUp();
        b = signUp();
        for (var tenant : List.of(a, b)) {
            for (var name : List.of("John Smith", "Jon Smyth", "Johnny Smithson", "John Smith", "Margaret Hamilton")) {
                contact(tenant, "{\"name\":\"" + name + "\",\"role\":\"Grip\"}");
            }
            contact(tenant, "{\"name\":\"Someone\",\"notes\":\"ask John Smith\"}");
            var trashed = contact(tenant, "{\"name\":\"John Smith (left)\"}");
            assertThat(api.delete("/v1/contacts/" + trashed, tenant.auth()).status()).isEqualTo(204);
            if (tenant == b) {
                bInTheTrash = trashed;
            }
        }
        bDepartment = api.post("/v1/departments", "{\"name\":\"B only\"}", b.auth()).string("id");
    }

    private String contact(Tenant tenant, String body) {
        var created = api.post("/v1/contacts", body, tenant.auth());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.string("id");
    }

    @Test
    void searchResultsAreExactlyTheCallersMatchingRowsOnEveryPage() throws SQLException {
        var seen = new ArrayList<String>();
        var path = "/v1/contacts?limit=1&q=" + QUERY.replace(" ", "%20");
        String cursor = null;
        do {
            var page = api.get(cursor == null ? path : path + "&cursor=" + cursor, a.auth());
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.items().forEach(item -> seen.add(item.get("id").toString()));
            cursor = page.string("nextCursor");
        } while (cursor != null);

        var expected = matchingInDatabase(a);
        assertThat(expected).hasSize(5).doesNotContainAnyElementsOf(matchingInDatabase(b));
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theTrashHoldsExactlyTheCallersDeletedRows() throws SQLException {
        var trash = api.get("/v1/contacts?deleted=true&limit=100", a.auth());

        assertThat(trash.items()).extracting(item -> item.get("id").toString())
                .containsExactlyInAnyOrderElementsOf(idsInDatabase(a, "deleted_at IS NOT NULL"));
    }

    @Test
    void anotherTenantsContactInTheTrashCannotBeRestoredAndStaysThere() throws SQLException {
        var before = idsInDatabase(b, "deleted_at IS NOT NULL");

        var attack = api.post("/v1/contacts/" + bInTheTrash + "/restore", null, a.auth());
        var control = api.post("/v1/contacts/" + UUID.randomUUID() + "/restore", null, a.auth());

        assertThat(attack.status()).isEqualTo(404);
        assertThat(attack.body()).as("same answer as for an id that does not exist").isEqualTo(control.body());
        assertThat(idsInDatabase(b, "deleted_at IS NOT NULL")).isEqualTo(before).contains(bInTheTrash);
    }

    @Test
    void anotherTenantsDepartmentIsNoDepartmentAtAll() {
        var theirs = api.post("/v1/contacts", "{\"name\":\"N\",\"departmentId\":\"" + bDepartment + "\"}", a.auth());
        var nobodys = api.post("/v1/contacts", "{\"name\":\"N\",\"departmentId\":\"" + UUID.randomUUID() + "\"}",
                a.auth());

        assertThat(theirs.status()).as("a foreign key must include organization_id: (organization_id, "
                + "department_id) -> departments").isEqualTo(422);
        assertThat(theirs.body()).isEqualTo(nobodys.body());
    }

    /**
     * The database's own answer to the search, as a superuser: similarity at least the adapter's threshold, or
     * every word (as a prefix) in the search document.
     */
    private static Set<String> matchingInDatabase(Tenant owner) throws SQLException {
        return idsInDatabase(owner, """
                deleted_at IS NULL AND (similarity(contacts_unaccent(name), contacts_unaccent('John Smith')) >= 0.2
                  OR contacts_search_document(name, role, company, notes)
                     @@ to_tsquery('simple', 'john:* & smith:*'))""");
    }

    private static Set<String> idsInDatabase(Tenant owner, String condition) throws SQLException {
        try (var superuser = TestDatabase.shared().connectAsSuperuser(); var query = superuser.prepareStatement(
                "SELECT id FROM contacts WHERE organization_id = ? AND " + condition)) {
            query.setObject(1, owner.organizationId());
            var ids = new HashSet<String>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }
}
