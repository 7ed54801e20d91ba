package dev.tenantcore.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;

/**
 * A hot-standby streaming replica of a running PostgreSQL, made as pg_basebackup makes one but through the SQL
 * backup functions (the embedded binaries have no pg_basebackup): a physical replication slot keeps the WAL, then
 * {@code pg_backup_start}, a copy of the data directory, {@code pg_backup_stop}'s label, {@code standby.signal} and
 * {@code primary_conninfo}. The copy is taken while the primary runs, as a base backup is: replaying the WAL from
 * the label's position makes it consistent.
 */
public final class StreamingReplica implements AutoCloseable {
    /** What a base backup leaves out: the primary's own run-time files, its WAL and its slots. */
    private static final Set<String> NOT_COPIED = Set.of("postmaster.pid", "postmaster.opts", "pg_wal",
            "pg_replslot", "pg_stat_tmp", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans");
    private static final Set<String> EMPTY_DIRECTORIES_KEPT = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp",
            "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans");

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private StreamingReplica(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** Copies the primary (a superuser may log in to it on localhost:{@code primaryPort} without a password). */
    public static StreamingReplica of(int primaryPort, Path primaryDataDirectory, Path dataDirectory, int port) {
        var slot = "replica_" + port;
        try (var primary = superuser(primaryPort, "postgres"); var statement = primary.createStatement()) {
            statement.execute("SELECT pg_create_physical_replication_slot('" + slot + "', true)");
            statement.execute("SELECT pg_backup_start('tenantcore test replica', true)");
            copy(primaryDataDirectory, dataDirectory);
            try (var stop = statement.executeQuery("SELECT labelfile, spcmapfile FROM pg_backup_stop(false)")) {
                stop.next();
                Files.writeString(dataDirectory.resolve("backup_label"), stop.getString(1));
                var tablespaces = stop.getString(2);
                if (tablespaces != null && !tablespaces.isEmpty()) {
                    Files.writeString(dataDirectory.resolve("tablespace_map"), tablespaces);
                }
            }
            Files.createFile(dataDirectory.resolve("standby.signal"));
            // As pg_basebackup -R writes them (zonky's command line cannot carry a value with spaces).
            Files.writeString(dataDirectory.resolve("postgresql.auto.conf"), """
                    primary_conninfo = 'host=localhost port=%d user=postgres application_name=%s'
                    primary_slot_name = '%s'
                    """.formatted(primaryPort, slot, slot), StandardOpenOption.APPEND);
        } catch (SQLException e) {
            throw new IllegalStateException("could not take a base backup of the primary on port " + primaryPort, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var replica = new StreamingReplica(dataDirectory, port);
        replica.start();
        return replica;
    }

    public void start() {
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("hot_standby", "on")
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the replica in " + dataDirectory, e);
        }
    }

    /** A fast shutdown: the primary keeps the WAL for it in the slot, so a later {@link #start} catches up. */
    public void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                server = null;
            }
        }
    }

    public int port() {
        return port;
    }

    /** Stops applying the primary's changes (they still arrive): the replica's data stands still. */
    public void pauseReplay() throws SQLException {
        execute("SELECT pg_wal_replay_pause()");
    }

    public void resumeReplay() throws SQLException {
        execute("SELECT pg_wal_replay_resume()");
    }

    /** Waits until the replica has replayed everything the primary had written when this was called. */
    public void awaitCaughtUp(int primaryPort, Duration timeout) throws SQLException, InterruptedException {
        String target;
        try (var primary = superuser(primaryPort, "postgres"); var statement = primary.createStatement();
                var row = statement.executeQuery("SELECT pg_current_wal_insert_lsn()::text")) {
            row.next();
            target = row.getString(1);
        }
        var deadline = System.nanoTime() + timeout.toNanos();
        try (var replica = superuser(port, "postgres");
                var check = replica.prepareStatement("SELECT pg_last_wal_replay_lsn() >= ?::pg_lsn")) {
            check.setString(1, target);
            while (true) {
                try (var row = check.executeQuery()) {
                    row.next();
                    if (row.getBoolean(1)) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the replica has not replayed " + target + " after " + timeout);
                }
                Thread.sleep(20);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (var replica = superuser(port, "postgres"); var statement = replica.createStatement()) {
            statement.execute(sql);
        }
    }

    public static Connection superuser(int port, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database + "?user=postgres");
    }

    @Override
    public void close() {
        stop();
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) throws IOException {
                var relative = from.relativize(directory);
                Files.createDirectories(to.resolve(relative.toString()));
                return relative.getNameCount() == 1 && EMPTY_DIRECTORIES_KEPT.contains(relative.toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                var relative = from.relativize(file);
                if (relative.getNameCount() == 1 && NOT_COPIED.contains(relative.toString())) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, to.resolve(relative.toString()), StandardCopyOption.REPLACE_EXISTING);
                } catch (NoSuchFileException removedMeanwhile) {
                    // A file the primary dropped during the copy: the WAL replay drops it too.
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        // PostgreSQL refuses a data directory that others may read.
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwx------"));
    }
}
