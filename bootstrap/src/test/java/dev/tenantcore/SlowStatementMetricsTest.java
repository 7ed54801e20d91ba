package dev.tenantcore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.support.ApiClient;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With pg_stat_statements installed, the statements that took the most time are in the metrics, by query id;
 * without it (every other test's database), nothing is missing but them.
 */
class SlowStatementMetricsTest {
    @TempDir
    Path work;

    private EmbeddedDatabase database;
    private ApplicationContext service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void theStatementsThatTookTheMostTimeAreMetrics() throws Exception {
        int port = freePort();
        database = EmbeddedDatabase.start(new EmbeddedDatabase.Settings(null, work.resolve("postgres"), port,
                Map.of("shared_preload_libraries", "pg_stat_statements")));
        var url = "jdbc:postgresql://localhost:" + port + "/" + EmbeddedDatabase.DATABASE;
        try (var superuser = DriverManager.getConnection(url + "?user=postgres");
                var statement = superuser.createStatement()) {
            statement.execute("CREATE EXTENSION pg_stat_statements");
        }
        try (var runtime = DriverManager.getConnection(url + "?user=tenantcore_app");
                var statement = runtime.createStatement()) {
            statement.execute("SELECT count(*) FROM pg_class"); // something of the runtime role's, from the start
        }
        int managementPort = freePort();
        var properties = new HashMap<String, Object>(database.connectionProperties());
        properties.put("micronaut.server.port", -1);
        properties.putAll(new ManagementEndpoints(managementPort).properties());
        service = ApplicationContext.run(properties, "test");
        service.getBean(EmbeddedServer.class).start();
        var management = new ApiClient(URI.create("http://localhost:" + managementPort),
                service.getBean(JsonMapper.class));

        assertThat(management.get("/prometheus").body())
                .containsPattern("tenantcore_db_statement_time_seconds\\{queryid=\"-?[0-9]+\"} [0-9]")
                .containsPattern("tenantcore_db_statement_mean_seconds\\{queryid=\"-?[0-9]+\"} [0-9]")
                .containsPattern("tenantcore_db_statement_calls\\{queryid=\"-?[0-9]+\"} [1-9]");
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
