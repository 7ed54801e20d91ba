package dev.tenantcore.contacts;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.shared.adapter.persistence.TestDatabase;
import dev.tenantcore.support.ApiClient;
import dev.tenantcore.support.ImportFixtures;
import dev.tenantcore.support.ServiceTest;
import dev.tenantcore.support.Tenant;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CSV imports end to end, through the HTTP API and the job worker: detection of the file's shape and mapping, rows
 * refused one by one into the error report, the duplicate policies, dry runs, and files refused whole at upload.
 */
@MicronautTest(transactional = false)
@Property(name = "tenantcore.jobs.poll-interval", value = "100ms")
@Property(name = "tenantcore.imports.chunk-size", value = "2")
@Property(name = "tenantcore.imports.max-file-size", value = "100KB")
@Property(name = "tenantcore.imports.max-request-size", value = "110KB")
@Property(name = "tenantcore.http.max-json-size", value = "10KB")
class ImportApiTest extends ServiceTest {
    /** Semicolons, a byte order mark, quoted fields (a delimiter and a line break inside), usual header names. */
    static final String SPREADSHEET = "\uFEFF" + """
            Full Name;E-mail;Mobile;Position;Department;Company;Notes
            "Smith, John";john@example.com;(415) 555-0101;Gaffer;Electric;"Bright; Lights";"Line one
            line two"
            Ada Lovelace;ADA@example.com;+44 20 7946 0958;Key Grip;grip;;
            Nobody Valid;not-an-email;;;;;
            Bad Phone;bad@example.com;12;;;;
            Formula;=HYPERLINK("http://x.example");;;;;
            New Department;nd@example.com;;Drone Operator;Drones;;
            """;

    Tenant tenant;

    @BeforeAll
    void signUpOnce() {
        api = new ApiClient(server.getURI(), jsonMapper);
        tenant = signUp();
    }

    @Test
    void aSpreadsheetIsImportedWithItsMappingDetectedAndItsBadRowsReported() throws IOException {
        var production = production();
        var started = ImportFixtures.upload(api, tenant, SPREADSHEET.getBytes(UTF_8),
                Map.of("productionId", production));
        assertThat(started.header("Location")).isEqualTo("/v1/imports/" + started.string("id"));
        assertThat(started.object("mapping")).containsExactlyInAnyOrderEntriesOf(Map.of("name", "Full Name",
                "email", "E-mail", "phone", "Mobile", "role", "Position", "department", "Department",
                "company", "Company", "notes", "Notes"));

        var ended = ImportFixtures.ended(api, tenant, started.string("id"));

        assertThat(ended.string("status")).isEqualTo("completed");
        assertThat(List.of(ended.string("rowsTotal"), ended.string("rowsDone"), ended.string("created"),
                ended.string("failed"), ended.string("skipped"))).containsExactly("6", "6", "3", "3", "0");
        var contacts = api.get("/v1/contacts?limit=100&productionId=" + production, tenant.auth()).items();
        var byEmail = new HashMap<String, Map<String, Object>>();
        contacts.forEach(contact -> byEmail.put(String.valueOf(contact.get("email")), contact));
        assertThat(byEmail.keySet()).containsExactlyInAnyOrder("john@example.com", "ada@example.com",
                "nd@example.com");
        var john = byEmail.get("john@example.com");
        assertThat(john).containsEntry("name", "Smith, John").containsEntry("phone", "+14155550101")
                .containsEntry("company", "Bright; Lights").containsEntry("notes", "Line one\nline two")
                .containsEntry("source", "import").containsEntry("importId", started.string("id"));
        assertThat(byEmail.get("ada@example.com")).containsEntry("phone", "+442079460958");
        var departments = api.get("/v1/departments?limit=100", tenant.auth()).items().stream()
                .collect(java.util.stream.Collectors.toMap(d -> d.get("name").toString(), d -> d.get("id")));
        assertThat(byEmail.get("ada@example.com").get("departmentId")).as("matched ignoring case")
                .isEqualTo(departments.get("Grip"));
        assertThat(byEmail.get("nd@example.com").get("departmentId")).as("a department the organization lacked")
                .isEqualTo(departments.get("Drones"));

        var report = api.get("/v1/imports/" + started.string("id") + "/errors.csv", tenant.auth());
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.header("Content-Type")).startsWith("text/csv");
        var rows = csv(report.body());
        assertThat(rows.getFirst().values()).containsExactly("row", "field", "value", "message");
        assertThat(rows.subList(1, rows.size())).extracting(row -> row.get(0) + " " + row.get(1) + " " + row.get(2))
                .containsExactly("4 email not-an-email", "5 phone 12", "6 email '=HYPERLINK(\"http://x.example\")");
    }

    @Test
    void errorReportCellsThatASpreadsheetWouldRunAreEscaped() throws IOException {
        var file = """
                name,email
                A,=1+1
                B,+cmd
                C,-2
                D,@SUM(A1)
                """;
        var started = ImportFixtures.upload(api, tenant, file.getBytes(UTF_8), Map.of());
        ImportFixtures.ended(api, tenant, started.string("id"));

        var rows = csv(api.get("/v1/imports/" + started.string("id") + "/errors.csv", tenant.auth()).body());

        assertThat(rows.subList(1, rows.size())).hasSize(4).allSatisfy(row -> row.forEach(cell ->
                assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                        .doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r")));
        assertThat(rows.get(1).get(2)).isEqualTo("'=1+1");
    }

    @Test
    void skipLeavesTheContactWithTheEmailAsItIs() {
        var production = productionWith("Old Name", "taken@example.com");
        var ended = importDuplicates(production, "skip", false);

        assertThat(List.of(ended.string("created"), ended.string("skipped"), ended.string("failed")))
                .containsExactly("1", "2", "0");
        assertThat(namesAndRoles(production)).containsExactlyInAnyOrder("Old Name/null", "Fresh/null");
    }

    @Test
    void updateWritesTheRowsFieldsOverTheContactWithTheEmail() {
        var production = productionWith("Old Name", "taken@example.com");
        var ended = importDuplicates(production, "update", false);

        assertThat(List.of(ended.string("created"), ended.string("updated"), ended.string("failed")))
                .containsExactly("1", "2", "0");
        assertThat(namesAndRoles(production)).containsExactlyInAnyOrder("New Name/Grip", "Fresh Again/Best Boy");
    }

    @Test
    void createRefusesTheRowsWhoseEmailIsTaken() throws IOException {
        var production = productionWith("Old Name", "taken@example.com");
        var ended = importDuplicates(production, "create", false);

        assertThat(List.of(ended.string("created"), ended.string("failed"))).containsExactly("1", "2");
        assertThat(namesAndRoles(production)).containsExactlyInAnyOrder("Old Name/null", "Fresh/null");
        var report = csv(api.get("/v1/imports/" + ended.string("id") + "/errors.csv", tenant.auth()).body());
        assertThat(report.subList(1, report.size())).extracting(row -> row.get(0)).containsExactly("2", "4");
    }

    @Test
    void aDryRunCountsWhatWouldHappenAndWritesNoContacts() throws SQLException {
        var production = productionWith("Old Name", "taken@example.com");
        var departmentsBefore = api.get("/v1/departments?limit=100", tenant.auth()).items().size();
        var contactsBefore = contactsInDatabase();

        var ended = importDuplicates(production, "update", true);

        assertThat(ended.string("status")).isEqualTo("completed");
        assertThat(ended.string("dryRun")).isEqualTo("true");
        assertThat(List.of(ended.string("created"), ended.string("updated"))).containsExactly("1", "2");
        assertThat(contactsInDatabase()).isEqualTo(contactsBefore);
        assertThat(namesAndRoles(production)).containsExactly("Old Name/null");
        assertThat(api.get("/v1/departments?limit=100", tenant.auth()).items()).hasSize(departmentsBefore);
    }

    @Test
    void anImportThatHasEndedIsReturnedAsItIsByCancel() {
        var started = ImportFixtures.upload(api, tenant, ImportFixtures.crew(1), Map.of());
        ImportFixtures.ended(api, tenant, started.string("id"));

        var cancelled = api.post("/v1/imports/" + started.string("id") + "/cancel", null, tenant.auth());

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.string("status")).isEqualTo("completed");
    }

    @Test
    void aFileThatIsNotUtf8CsvOrAMappingThatDoesNotFitIsRefusedWholeAndNothingIsStored() throws SQLException {
        var other = signUp();
        var crew = ImportFixtures.crew(2);
        var refusals = Map.of(
                "Latin-1", api.upload("/v1/imports", Map.of(), "crew.csv", "name\nJosé\n".getBytes(ISO_8859_1),
                        other.auth()),
                "UTF-16", api.upload("/v1/imports", Map.of(), "crew.csv",
                        "name\nJosé\n".getBytes(java.nio.charset.StandardCharsets.UTF_16), other.auth()),
                "unterminated quote", api.upload("/v1/imports", Map.of(), "crew.csv",
                        "name,email\n\"Open,a@example.com\n".getBytes(UTF_8), other.auth()),
                "too many cells", api.upload("/v1/imports", Map.of(), "crew.csv",
                        "name\nA,surplus\n".getBytes(UTF_8), other.auth()),
                "no name column", api.upload("/v1/imports", Map.of(), "crew.csv", "foo,bar\n1,2\n".getBytes(UTF_8),
                        other.auth()),
                "absent column", api.upload("/v1/imports", Map.of("mapping", "{\"email\":\"Mail\"}"), "crew.csv",
                        crew, other.auth()),
                "unknown field", api.upload("/v1/imports", Map.of("mapping", "{\"nickname\":\"name\"}"),
                        "crew.csv", crew, other.auth()),
                "mapping not JSON", api.upload("/v1/imports", Map.of("mapping", "{name"), "crew.csv", crew,
                        other.auth()),
                "empty file", api.upload("/v1/imports", Map.of(), "crew.csv", new byte[0], other.auth()),
                "unknown production", api.upload("/v1/imports",
                        Map.of("productionId", java.util.UUID.randomUUID().toString()), "crew.csv", crew,
                        other.auth()));
        var policy = api.upload("/v1/imports", Map.of("duplicatePolicy", "merge"), "crew.csv", crew, other.auth());
        var noFile = api.upload("/v1/imports", Map.of("dryRun", "true"), null, null, other.auth());

        refusals.forEach((reason, response) -> {
            assertThat(response.status()).as(reason + ": " + response).isEqualTo(422);
            assertThat(response.header("Content-Type")).as(reason).startsWith("application/problem+json");
        });
        assertThat(refusals.get("Latin-1").body()).contains("UTF-8");
        assertThat(refusals.get("absent column").body()).contains("Mail");
        assertThat(policy.status()).isEqualTo(422);
        assertThat(noFile.status()).as(noFile.toString()).isEqualTo(400);
        var listed = api.get("/v1/imports", other.auth());
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.items()).isEmpty();
        assertThat(importsInDatabase(other)).isZero();
    }

    @Test
    void aFileOverTheLimitIsA413Problem() {
        var tooBig = new byte[200 * 1024];
        java.util.Arrays.fill(tooBig, (byte) 'a');

        var refused = api.upload("/v1/imports", Map.of(), "big.csv", tooBig, tenant.auth());

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aJsonBodyOverItsOwnLimitIsA413ProblemThoughImportsTakeMore() {
        var refused = api.post("/v1/contacts", "{\"name\":\"" + "a".repeat(20 * 1024) + "\"}", tenant.auth());

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    }

    /** Three rows: one taken by the production's contact, one new, one repeating the new one's email. */
    private ApiClient.Response importDuplicates(String production, String policy, boolean dryRun) {
        var file = """
                name,email,role
                New Name,TAKEN@example.com,Grip
                Fresh,fresh@example.com,
                Fresh Again,fresh@example.com,Best Boy
                """;
        var started = ImportFixtures.upload(api, tenant, file.getBytes(UTF_8), Map.of("productionId", production,
                "duplicatePolicy", policy, "dryRun", String.valueOf(dryRun)));
        return ImportFixtures.ended(api, tenant, started.string("id"));
    }

    private String production() {
        var created = api.post("/v1/productions", "{\"name\":\"P\",\"code\":\"P-" + java.util.UUID.randomUUID()
                .toString().substring(0, 8) + "\"}", tenant.auth());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.string("id");
    }

    private String productionWith(String name, String email) {
        var production = production();
        var contact = api.post("/v1/contacts", "{\"name\":\"" + name + "\",\"email\":\"" + email
                + "\",\"productionId\":\"" + production + "\"}", tenant.auth());
        assertThat(contact.status()).as(contact.toString()).isEqualTo(201);
        return production;
    }

    private List<String> namesAndRoles(String production) {
        return api.get("/v1/contacts?limit=100&productionId=" + production, tenant.auth()).items().stream()
                .map(contact -> contact.get("name") + "/" + contact.get("role")).toList();
    }

    private long contactsInDatabase() throws SQLException {
        return count("SELECT count(*) FROM contacts WHERE organization_id = ?", tenant);
    }

    private static long importsInDatabase(Tenant owner) throws SQLException {
        return count("SELECT count(*) FROM imports WHERE organization_id = ?", owner);
    }

    private static long count(String sql, Tenant owner) throws SQLException {
        try (var superuser = TestDatabase.shared().connectAsSuperuser(); var query = superuser.prepareStatement(sql)) {
            query.setObject(1, owner.organizationId());
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static List<CSVRecord> csv(String text) throws IOException {
        try (var parser = CSVFormat.DEFAULT.parse(new StringReader(text))) {
            return new ArrayList<>(parser.getRecords());
        }
    }
}
