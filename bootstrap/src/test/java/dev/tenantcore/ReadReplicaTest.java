package dev.tenantcore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.support.ApiClient;
import dev.tenantcore.support.StreamingReplica;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A real streaming replica of a real primary (both embedded PostgreSQL), and the service with
 * {@code tenantcore.database.replica-url} set: reads come from the replica, a writer reads its own writes, a
 * lagging or stopped replica serves nothing, and one tenant still sees nothing of another through it. Two
 * instances of the service share the servers, as two processes behind a load balancer would; what one instance
 * wrote, the other does not know about, which is what shows where its reads came from.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadReplicaTest {
    private static final Duration CATCH_UP = Duration.ofSeconds(30);
    private static final Pattern READS_BY_REPLICA =
            Pattern.compile("tenantcore_db_reads_total\\{served_by=\"replica\"[^}]*} ([0-9.E]+)");

    private Path work;
    private EmbeddedDatabase primary;
    private int primaryPort;
    private StreamingReplica replica;
    private final List<ApplicationContext> services = new ArrayList<>();

    /** An instance of the service: its API, its management port (health details, metrics). */
    private record Instance(ApiClient api, ApiClient management) {
    }

    private Instance writer;
    private Instance reader;

    @BeforeAll
    void startServers() throws Exception {
        work = Files.createTempDirectory("read-replica");
        primaryPort = freePort();
        primary = EmbeddedDatabase.start(new EmbeddedDatabase.Settings(null, work.resolve("primary"), primaryPort,
                Map.of()));
        replica = StreamingReplica.of(primaryPort, work.resolve("primary"), work.resolve("replica"), freePort());
        writer = start(Duration.ofMinutes(1));
        reader = start(Duration.ofMinutes(1));
    }

    @AfterEach
    void replicaRunsAndReplays() throws Exception {
        if (!replicaRunning()) {
            replica.start();
        }
        replica.resumeReplay();
    }

    @AfterAll
    void stopServers() throws IOException {
        services.forEach(ApplicationContext::close);
        if (replica != null) {
            replica.close();
        }
        if (primary != null) {
            primary.close();
        }
        try (var files = Files.walk(work)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void readsComeFromTheReplicaAndEveryInstanceReadsItsOwnWrites() throws Exception {
        var auth = signUp("reads");
        var first = createTask(writer, auth, "before the pause");
        replica.awaitCaughtUp(primaryPort, CATCH_UP);
        awaitServing(reader);
        double servedBefore = readsByReplica(reader);

        replica.pauseReplay();
        var second = createTask(writer, auth, "while replay is paused");

        assertThat(writer.api().get("/v1/tasks/" + second, auth).status())
                .as("the writing instance reads its own write (from the primary)").isEqualTo(200);
        assertThat(reader.api().get("/v1/tasks/" + second, auth).status())
                .as("the other instance reads from the replica, which has not replayed the write").isEqualTo(404);
        assertThat(reader.api().get("/v1/tasks/" + first, auth).status())
                .as("what the replica has replayed it serves").isEqualTo(200);
        assertThat(readsByReplica(reader)).isGreaterThanOrEqualTo(servedBefore + 2);

        var renamed = reader.api().patch("/v1/tasks/" + first, "{\"title\": \"renamed by the reader\"}",
                auth[0], auth[1], "If-Match", reader.api().get("/v1/tasks/" + first, auth).header("ETag"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(reader.api().get("/v1/tasks/" + first, auth).string("title"))
                .as("after its own write, the reader's reads of that organization go to the primary")
                .isEqualTo("renamed by the reader");

        replica.resumeReplay();
        awaitTrue(() -> reader.api().get("/v1/tasks/" + second, auth).status() == 200,
                "the reader sees the writer's task once the replica has replayed it");
    }

    @Test
    void aReplicaBeyondTheLagBoundServesNothing() throws Exception {
        var strict = start(Duration.ofMillis(500));
        var auth = signUp("lag");
        replica.awaitCaughtUp(primaryPort, CATCH_UP);
        awaitServing(strict);

        replica.pauseReplay();
        var task = createTask(writer, auth, "written while the replica stands still");
        awaitTrue(() -> state(strict).startsWith("lagging"), "the strict instance finds the replica lagging");
        assertThat(strict.api().get("/v1/tasks/" + task, auth).status())
                .as("a lagging replica serves nothing: the primary has the task").isEqualTo(200);
        assertThat(metrics(strict)).contains("tenantcore_db_replica_up 0.0");

        replica.resumeReplay();
        awaitServing(strict);
        assertThat(metrics(strict)).contains("tenantcore_db_replica_up 1.0").contains("tenantcore_db_replica_lag_seconds");
    }

    @Test
    void aStoppedReplicaServesNothingAndNoReadFails() throws Exception {
        var auth = signUp("outage");
        var task = createTask(writer, auth, "kept on both");
        replica.awaitCaughtUp(primaryPort, CATCH_UP);
        awaitServing(reader);

        var failures = new ArrayList<String>();
        var reading = new java.util.concurrent.atomic.AtomicBoolean(true);
        var reads = Thread.ofPlatform().start(() -> {
            while (reading.get()) {
                var response = reader.api().get("/v1/tasks/" + task, auth);
                if (response.status() != 200) {
                    synchronized (failures) {
                        failures.add(response.toString());
                    }
                }
            }
        });
        replica.stop();
        awaitTrue(() -> state(reader).startsWith("unreachable"), "the reader finds the replica unreachable");
        assertThat(reader.management().get("/health").status()).as("the service is up: the primary serves")
                .isEqualTo(200);

        replica.start();
        awaitServing(reader);
        reading.set(false);
        reads.join();
        assertThat(failures).as("reads while the replica went away and came back").isEmpty();
    }

    @Test
    void oneTenantSeesNothingOfAnotherThroughTheReplica() throws Exception {
        var a = signUp("isolation-a");
        var b = signUp("isolation-b");
        var aTask = createTask(writer, a, "A's");
        var bTask = createTask(writer, b, "B's");
        replica.awaitCaughtUp(primaryPort, CATCH_UP);
        awaitServing(reader);
        double servedBefore = readsByReplica(reader);

        var probes = List.of("/v1/tasks/" + aTask, "/v1/tasks/" + aTask + "/history",
                "/v1/tasks/" + aTask + "?asOf=2030-01-01T00:00:00Z");
        for (var probe : probes) {
            var response = reader.api().get(probe, b);
            assertThat(response.status()).as("B asks for %s: %s", probe, response).isEqualTo(404);
        }
        for (var list : List.of("/v1/tasks", "/v1/members", "/v1/roles", "/v1/api-keys", "/v1/invitations",
                "/v1/audit-events", "/v1/organization")) {
            var response = reader.api().get(list, b);
            assertThat(response.status()).as("B lists %s: %s", list, response).isEqualTo(200);
            assertThat(response.body()).as("B's %s names nothing of A's", list)
                    .doesNotContain(aTask).doesNotContain(organizationOf(a));
        }
        assertThat(reader.api().get("/v1/tasks/" + bTask, b).status()).isEqualTo(200);
        assertThat(readsByReplica(reader)).as("the replica served these reads")
                .isGreaterThanOrEqualTo(servedBefore + probes.size() + 7);
    }

    private final Map<String, String> organizations = new HashMap<>();

    private String[] signUp(String name) {
        var slug = name + "-" + Long.toHexString(System.nanoTime());
        var response = writer.api().post("/v1/organizations", """
                {"name": "%s", "slug": "%s"}""".formatted(name, slug));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        var token = "Bearer " + response.object("apiKey").get("token");
        organizations.put(token, response.object("organization").get("id").toString());
        return new String[] {"Authorization", token};
    }

    private String organizationOf(String[] auth) {
        return organizations.get(auth[1]);
    }

    private static String createTask(Instance instance, String[] auth, String title) {
        var response = instance.api().post("/v1/tasks", "{\"title\": \"" + title + "\"}", auth);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.string("id");
    }

    private Instance start(Duration maxLag) throws IOException {
        int managementPort = freePort();
        var properties = new HashMap<String, Object>(primary.connectionProperties());
        properties.put("micronaut.server.port", -1);
        properties.put("tenantcore.database.replica-url", "jdbc:postgresql://localhost:" + replica.port() + "/"
                + EmbeddedDatabase.DATABASE);
        properties.put("tenantcore.database.replica-max-lag", maxLag.toMillis() + "ms");
        properties.put("tenantcore.database.replica-check-interval", "50ms");
        properties.putAll(new ManagementEndpoints(managementPort).properties());
        var service = ApplicationContext.run(properties, "test");
        services.add(service);
        var server = service.getBean(EmbeddedServer.class).start();
        var json = service.getBean(JsonMapper.class);
        return new Instance(new ApiClient(server.getURI(), json),
                new ApiClient(URI.create("http://localhost:" + managementPort), json));
    }

    @SuppressWarnings("unchecked")
    private static String state(Instance instance) {
        var details = instance.management().get("/health").object("details");
        var replica = (Map<String, Object>) details.get("readReplica");
        return String.valueOf(((Map<String, Object>) replica.get("details")).get("state"));
    }

    private static void awaitServing(Instance instance) throws InterruptedException {
        awaitTrue(() -> state(instance).equals("serving reads"), "the instance serves reads from the replica");
    }

    private static String metrics(Instance instance) {
        return instance.management().get("/prometheus").body();
    }

    private static double readsByReplica(Instance instance) {
        var matcher = READS_BY_REPLICA.matcher(metrics(instance));
        assertThat(matcher.find()).as("tenantcore_db_reads_total{served_by=\"replica\"} in the metrics").isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    private boolean replicaRunning() {
        try (var connection = StreamingReplica.superuser(replica.port(), "postgres")) {
            return connection.isValid(1);
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        var deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s for: %s", CATCH_UP, what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
