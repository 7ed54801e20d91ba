package dev.tenantcore.webhooks;

import static org.assertj.core.api.Assertions.fail;

import dev.tenantcore.shared.adapter.persistence.TestDatabase;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** The database past row-level security (as the superuser), and waiting for the worker. */
final class WebhookTesting {
    /** How long the tests wait for what relay and worker should do within a second or two. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private WebhookTesting() {
    }

    static List<String> strings(String sql) {
        try (var superuser = TestDatabase.shared().connectAsSuperuser();
                var statement = superuser.createStatement(); var rows = statement.executeQuery(sql)) {
            var found = new ArrayList<String>();
            while (rows.next()) {
                found.add(rows.getString(1));
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(String sql) {
        return Long.parseLong(strings(sql).getFirst());
    }

    static void execute(String sql) {
        try (var superuser = TestDatabase.shared().connectAsSuperuser();
                var statement = superuser.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void await(String what, BooleanSupplier condition) {
        var deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("waited " + PATIENCE.toSeconds() + " s for: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
