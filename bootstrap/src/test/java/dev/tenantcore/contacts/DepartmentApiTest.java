package dev.tenantcore.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.contacts.domain.Department;
import dev.tenantcore.support.ServiceTest;
import dev.tenantcore.support.Tenant;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class DepartmentApiTest extends ServiceTest {
    Tenant tenant;

    @BeforeEach
    void signUpTenant() {
        tenant = signUp();
    }

    @Test
    void aNewOrganizationStartsWithTheDefaultCatalogue() {
        var listed = api.get("/v1/departments?limit=100", tenant.auth());

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.items()).extracting(item -> item.get("name"))
                .containsExactlyInAnyOrderElementsOf(Department.DEFAULT_CATALOGUE);
        var signedInOwner = signUpWithOwner(uniqueEmail());
        assertThat(api.get("/v1/departments?limit=100", signedInOwner.auth()).items()).hasSize(12);
    }

    @Test
    void createReadRenameAndDelete() {
        var created = api.post("/v1/departments", "{\"name\":\"  Visual Effects \"}", tenant.auth());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.json()).containsOnlyKeys("id", "name", "createdAt", "updatedAt")
                .containsEntry("name", "Visual Effects");
        var location = created.header("Location");

        var renamed = api.patch(location, "{\"name\":\"VFX\"}", tenant.auth("If-Match", "\"1\""));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json()).containsEntry("name", "VFX");
        assertThat(api.get(location + "/history", tenant.auth()).status()).isEqualTo(200);

        assertThat(api.delete(location, tenant.auth()).status()).isEqualTo(204);
        assertThat(api.get(location, tenant.auth()).status()).isEqualTo(404);
    }

    @Test
    void aNameTakenIgnoringCaseIsAConflict() {
        var taken = api.post("/v1/departments", "{\"name\":\"camera\"}", tenant.auth());

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aDepartmentContactsBelongToCannotBeDeletedEvenWhenTheyAreInTheTrash() {
        var department = api.post("/v1/departments", "{\"name\":\"Visual Effects\"}", tenant.auth()).string("id");
        var contact = api.post("/v1/contacts", "{\"name\":\"Grace\",\"departmentId\":\"" + department + "\"}",
                tenant.auth());
        assertThat(api.delete("/v1/contacts/" + contact.string("id"), tenant.auth()).status()).isEqualTo(204);

        var refused = api.delete("/v1/departments/" + department, tenant.auth());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get("/v1/departments/" + department, tenant.auth()).status()).isEqualTo(200);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        var blank = api.post("/v1/departments", "{\"name\":\" \"}", tenant.auth());
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.header("Content-Type")).startsWith("application/problem+json");
        assertThat(blank.body()).contains("name");
    }
}
