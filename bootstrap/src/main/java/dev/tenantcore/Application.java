package dev.tenantcore;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts Tenantcore. With {@code TENANTCORE_DATABASE_URL} set it uses that PostgreSQL server; without it, it first
 * starts its own embedded PostgreSQL 18 and stops it again after the service has stopped.
 */
public final class Application {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private Application() {
    }

    public static void main(String[] args) {
        var settings = EmbeddedDatabase.Settings.fromEnvironment();
        if (settings.externalDatabaseConfigured()) {
            Micronaut.build(args).mainClass(Application.class).start();
            return;
        }
        var database = EmbeddedDatabase.start(settings);
        var context = new AtomicReference<ApplicationContext>();
        // Registered before the service starts: Micronaut exits the JVM when start-up fails, and the database must
        // not outlive it. In order: the service (and its connection pool) first, then the database under it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            var running = context.get();
            if (running != null && running.isRunning()) {
                running.stop();
            }
            database.close();
            LOG.info("Embedded PostgreSQL stopped");
        }, "tenantcore-shutdown"));
        context.set(Micronaut.build(args)
                .mainClass(Application.class)
                .properties(Map.copyOf(database.connectionProperties()))
                .start());
    }
}
