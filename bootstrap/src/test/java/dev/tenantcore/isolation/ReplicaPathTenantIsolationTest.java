package dev.tenantcore.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tenantcore.shared.adapter.persistence.TestDatabase;
import dev.tenantcore.support.StreamingReplica;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The whole HTTP isolation suite again, with its reads served by a streaming replica of the test database
 * ({@code tenantcore.database.replica-url}): the replica path hands out its own connections, and each must carry the
 * caller's tenant exactly as the primary's do. Runs where the test database is the embedded one (a replica needs
 * its data directory); against an external server it is skipped, and {@link HttpTenantIsolationTest} has run.
 */
@MicronautTest(transactional = false)
class ReplicaPathTenantIsolationTest extends HttpTenantIsolationTest {
    private static final Pattern READS_BY_REPLICA =
            Pattern.compile("tenantcore_db_reads_total\\{served_by=\"replica\"[^}]*} ([0-9.E]+)");
    private static StreamingReplica replica;
    private static int primaryPort;

    @Override
    public Map<String, String> getProperties() {
        var properties = super.getProperties();
        if (System.getenv(TestDatabase.EXTERNAL_URL_VARIABLE) == null) {
            properties.put("tenantcore.database.replica-url", replicaUrl());
            properties.put("tenantcore.database.replica-check-interval", "20ms");
            // The replica's state and its served reads, on this test's own port.
            properties.put("endpoints.health.details-visible", "ANONYMOUS");
            properties.put("endpoints.prometheus.enabled", "true");
            properties.put("endpoints.prometheus.sensitive", "false");
        }
        return properties;
    }

    /** After the twins are seeded (the superclass's set-up runs first): the replica has them, and serves. */
    @BeforeAll
    void replicaHasTheTwins() throws Exception {
        assumeTrue(replica != null, "the test database is an external server: no replica of it can be made here");
        replica.awaitCaughtUp(primaryPort, Duration.ofSeconds(30));
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!api.get("/health").body().contains("serving reads")) {
            assertThat(System.nanoTime()).as("the service serves reads from the replica").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @AfterAll
    void theReplicaServedReads() {
        if (replica == null) {
            return;
        }
        var matcher = READS_BY_REPLICA.matcher(api.get("/prometheus").body());
        assertThat(matcher.find()).as("tenantcore_db_reads_total{served_by=\"replica\"}").isTrue();
        assertThat(Double.parseDouble(matcher.group(1))).as("reads the replica served during the suite")
                .isPositive();
    }

    private static synchronized String replicaUrl() {
        if (replica == null) {
            var database = TestDatabase.shared();
            var url = URI.create(database.jdbcUrl().substring("jdbc:".length()));
            primaryPort = url.getPort();
            try (var superuser = database.connectAsSuperuser(); var statement = superuser.createStatement();
                    var row = statement.executeQuery("SHOW data_directory")) {
                row.next();
                var copy = Files.createTempDirectory("tenantcore-test-replica");
                replica = StreamingReplica.of(primaryPort, Path.of(row.getString(1)), copy.resolve("data"), freePort());
                var started = replica;
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-test-replica"));
            } catch (SQLException e) {
                throw new IllegalStateException("could not make a replica of the test database", e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return "jdbc:postgresql://localhost:" + replica.port() + url().getPath();
    }

    private static URI url() {
        return URI.create(TestDatabase.shared().jdbcUrl().substring("jdbc:".length()));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
