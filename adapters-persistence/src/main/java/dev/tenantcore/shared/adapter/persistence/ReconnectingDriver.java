package dev.tenantcore.shared.adapter.persistence;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * PostgreSQL's JDBC driver, retrying every {@link #RETRY_PAUSE} for up to {@link #RETRY_WINDOW} a connection that
 * failed because the server (or the pooler in front of it) was unreachable, shutting down or still starting.
 *
 * <p>The pools use it ({@code driver-class-name} in application.yml) because of how HikariCP waits: after a failed
 * attempt to open a connection it pauses before the next, doubling the pause up to a fixed 5 s. After an outage of
 * a few seconds that pause, not the database, decided when the service answered again: up to 5 s after the database
 * was back. Here the attempts happen 100 ms apart, so a returning database is found within about 100 ms, and HikariCP
 * sees a failure only once per window, which keeps its pause short through all but very long outages.
 *
 * <p>Not registered with {@link java.sql.DriverManager}: HikariCP instantiates it by class name, and nothing else
 * should find it for a {@code jdbc:postgresql:} URL.
 */
public final class ReconnectingDriver implements Driver {
    static final Duration RETRY_WINDOW = Duration.ofSeconds(30);
    static final Duration RETRY_PAUSE = Duration.ofMillis(100);

    private final Driver postgres = new org.postgresql.Driver();

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        var deadline = System.nanoTime() + RETRY_WINDOW.toNanos();
        while (true) {
            try {
                return postgres.connect(url, info);
            } catch (SQLException e) {
                if (!serverUnreachable(e) || System.nanoTime() - deadline > 0) {
                    throw e;
                }
            }
            try {
                Thread.sleep(RETRY_PAUSE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the pool is closing
                throw new SQLException("interrupted while waiting for the database to come back", "08001", e);
            }
        }
    }

    /**
     * Class 08: the connection could not be made or was lost (refused, PgBouncer's "cannot connect to server");
     * 57P01-03: the server shuts down, crashed, or is starting up. Not 28xxx (authentication) or 53300 (no free
     * slots): waiting would not help, or would add to the load.
     */
    private static boolean serverUnreachable(SQLException e) {
        var state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        return postgres.acceptsURL(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return postgres.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return postgres.getMajorVersion();
    }

    @Override
    public int getMinorVersion() {
        return postgres.getMinorVersion();
    }

    @Override
    public boolean jdbcCompliant() {
        return postgres.jdbcCompliant();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return postgres.getParentLogger();
    }
}
