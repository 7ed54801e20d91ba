package dev.tenantcore;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts Tenantcore. With {@code TENANTCORE_DATABASE_URL} set it uses that PostgreSQL server; without it, it first
 * starts its own embedded PostgreSQL 18 and stops it again after the service has stopped. A production start
 * (environment {@code prod}) refuses to fall back to the embedded database or a random access-token key.
 */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        var startupSettings = StartupSettings.fromProcess();
        var refusals = startupSettings.refusals();
        if (!refusals.isEmpty()) {
            // Not through the log: with a wrong log format, nothing would appear.
            refusals.forEach(refusal -> System.err.println("Tenantcore cannot start: " + refusal));
            System.exit(2);
        }
        var operatorProperties = merged(ManagementEndpoints.fromEnvironment().properties(),
                startupSettings.properties());
        var settings = EmbeddedDatabase.Settings.fromEnvironment();
        if (settings.externalDatabaseConfigured()) {
            Micronaut.build(args).mainClass(Application.class).properties(operatorProperties).start();
            return;
        }
        var database = EmbeddedDatabase.start(settings);
        var context = new AtomicReference<ApplicationContext>();
        // Stops the database once Micronaut's own shutdown hook has stopped the context (and closed its pool), or at
        // once if start-up failed (Micronaut then exits the JVM with no context). It never stops the context
        // itself: two threads stopping it at once deadlock.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            var running = context.get();
            for (int waited = 0; running != null && running.isRunning() && waited < 300; waited++) {
                sleepBriefly();
            }
            database.close();
        }, "embedded-postgres-guard"));
        context.set(Micronaut.build(args)
                .mainClass(Application.class)
                .properties(merged(database.connectionProperties(), operatorProperties))
                .start());
    }

    private static Map<String, Object> merged(Map<String, Object> first, Map<String, Object> second) {
        var all = new HashMap<String, Object>(first);
        all.putAll(second);
        return all;
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
