package dev.tenantcore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tenantcore.shared.adapter.persistence.TestDatabase;
import dev.tenantcore.support.ApiClient;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The database goes away under load and comes back: the service must answer 503 with Retry-After (never 500) while
 * it is gone, report DOWN quickly, answer again soon after it returns without a restart, and have kept every write
 * it acknowledged. Runs on a server of its own (the shared test database must not stop).
 */
class DatabaseOutageTest {
    /** The pool's wait for a connection (1.5 s) plus what one request takes on a busy CI machine. */
    private static final Duration DOWN_BOUND = Duration.ofMillis(2_500);
    /** The operations guide's promise: answering again within 2 s of the database's return. */
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(2);
    /** Through PgBouncer, add its pause before it tries the server again ({@code server_login_retry = 1}). */
    private static final Duration RECOVERY_BOUND_THROUGH_PGBOUNCER = Duration.ofSeconds(3);

    @TempDir
    Path work;

    private EmbeddedDatabase database;
    private PgBouncer bouncer;
    private ApplicationContext service;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger handlerLog = (Logger) LoggerFactory.getLogger(
            "dev.tenantcore.shared.adapter.web.DatabaseUnavailableHandler");

    @BeforeEach
    void captureLog() {
        logged.start();
        handlerLog.addAppender(logged);
    }

    @AfterEach
    void stop() {
        handlerLog.detachAppender(logged);
        if (service != null) {
            service.close();
        }
        if (bouncer != null) {
            bouncer.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aStoppedDatabaseIs503AndTheServiceRecoversWithoutLosingAcknowledgedWrites() throws Exception {
        var settings = new EmbeddedDatabase.Settings(null, work.resolve("postgres"), freePort(), Map.of());
        database = EmbeddedDatabase.start(settings);
        survivesAnOutage(settings, new HashMap<>(database.connectionProperties()));
    }

    /** The same through PgBouncer in transaction mode, configured as docs/operations.md says. */
    @Test
    void throughPgBouncerTheSameHolds() throws Exception {
        assumeTrue(PgBouncer.installed() || System.getenv(TestDatabase.POOLER_VARIABLE) != null,
                "PgBouncer is not installed here (.ci/run installs it, so CI never skips this)");
        var settings = new EmbeddedDatabase.Settings(null, work.resolve("postgres"), freePort(), Map.of());
        database = EmbeddedDatabase.start(settings);
        bouncer = PgBouncer.start(work.resolve("pgbouncer"), settings.port(), freePort());
        var properties = new HashMap<String, Object>();
        properties.put("tenantcore.database.url", "jdbc:postgresql://127.0.0.1:" + bouncer.port() + "/"
                + EmbeddedDatabase.DATABASE);
        properties.put("tenantcore.database.pooler", "pgbouncer");
        properties.put("tenantcore.database.migrator-url", database.jdbcUrl());
        survivesAnOutage(settings, properties);
    }

    private void survivesAnOutage(EmbeddedDatabase.Settings settings, Map<String, Object> connection)
            throws Exception {
        var properties = new HashMap<String, Object>(connection);
        properties.put("micronaut.server.port", -1);
        service = ApplicationContext.run(properties, "test");
        var server = service.getBean(EmbeddedServer.class).start();
        var api = new ApiClient(server.getURI(), service.getBean(JsonMapper.class));

        var signUp = api.post("/v1/organizations", """
                {"name": "Outage", "slug": "outage", "owner": {"email": "outage@example.com",
                 "password": "correct horse battery staple", "displayName": "O"}}""");
        assertThat(signUp.status()).as(signUp.toString()).isEqualTo(201);
        var auth = new String[] {"Authorization", "Bearer " + signUp.object("apiKey").get("token")};
        var organizationId = signUp.object("organization").get("id").toString();
        var apiKeyId = signUp.object("apiKey").get("id").toString();

        var acknowledged = ConcurrentHashMap.<String>newKeySet();
        var unexpected = new ConcurrentHashMap<Integer, String>();
        var writing = new AtomicBoolean(true);
        var writer = Thread.ofPlatform().start(() -> {
            for (int i = 0; writing.get(); i++) {
                var response = api.post("/v1/tasks", "{\"title\": \"task " + i + "\"}", auth);
                if (response.status() == 201) {
                    acknowledged.add(response.string("id"));
                } else if (response.status() != 503) {
                    unexpected.putIfAbsent(response.status(), response.toString());
                }
            }
        });
        awaitAtLeast(acknowledged, 20);

        database.close();
        var stopped = System.nanoTime();
        var health = api.get("/health");
        assertThat(health.status()).as(health.toString()).isEqualTo(503);
        assertThat(health.body()).contains("DOWN").doesNotContain("jdbc:");
        assertThat(elapsedSince(stopped)).as("health DOWN after the database stopped").isLessThan(DOWN_BOUND);

        var refused = api.post("/v1/tasks", "{\"title\": \"while down\"}", "X-Request-Id", "outage-probe",
                auth[0], auth[1]);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
        assertThat(logged.list).as("the 503's log line carries the request's context")
                .anySatisfy(event -> assertThat(event.getMDCPropertyMap())
                        .containsEntry("requestId", "outage-probe")
                        .containsEntry("organizationId", organizationId)
                        .containsEntry("actor", "api_key:" + apiKeyId));
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(refused.body()).doesNotContain("jdbc:").doesNotContain("Exception");

        database = EmbeddedDatabase.start(settings);
        var restarted = System.nanoTime();
        var recoveryBound = bouncer == null ? RECOVERY_BOUND : RECOVERY_BOUND_THROUGH_PGBOUNCER;
        while (api.get("/v1/tasks?limit=1", auth).status() != 200) {
            assertThat(elapsedSince(restarted)).as("no answer yet after the database returned").isLessThan(recoveryBound);
            Thread.sleep(20);
        }
        var recovery = elapsedSince(restarted);
        var countBefore = acknowledged.size();
        awaitAtLeast(acknowledged, countBefore + 5);
        writing.set(false);
        writer.join();

        assertThat(unexpected).as("answers other than 201 and 503 during the outage").isEmpty();
        for (var id : acknowledged) {
            var task = api.get("/v1/tasks/" + id, auth);
            assertThat(task.status()).as("acknowledged task %s", id).isEqualTo(200);
        }
        System.out.printf("database outage%s: %d acknowledged writes kept, answers again %d ms after the restart%n",
                bouncer == null ? "" : " (through PgBouncer)", acknowledged.size(), recovery.toMillis());
    }

    private static void awaitAtLeast(Set<String> ids, int count) throws InterruptedException {
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (ids.size() < count) {
            assertThat(System.nanoTime()).as("%d acknowledged writes", count).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static Duration elapsedSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
