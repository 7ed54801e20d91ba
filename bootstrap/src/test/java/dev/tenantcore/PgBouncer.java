package dev.tenantcore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's PgBouncer in transaction mode in front of one PostgreSQL server, configured as docs/operations.md
 * ("Behind PgBouncer") tells operators to. PgBouncer refuses to run as root: then it runs as the postgres user.
 */
final class PgBouncer implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/pgbouncer");

    private final Path directory;
    private final int port;

    private PgBouncer(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    static PgBouncer start(Path directory, int serverPort, int port) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("pgbouncer.ini"), """
                [databases]
                * = host=127.0.0.1 port=%d
                [pgbouncer]
                listen_addr = 127.0.0.1
                listen_port = %d
                unix_socket_dir =
                auth_type = trust
                auth_file = %s/userlist.txt
                pool_mode = transaction
                max_client_conn = 200
                default_pool_size = 20
                server_login_retry = 1
                ignore_startup_parameters = extra_float_digits,options
                logfile = %s/pgbouncer.log
                pidfile = %s/pgbouncer.pid
                """.formatted(serverPort, port, directory, directory, directory));
        Files.writeString(directory.resolve("userlist.txt"),
                "\"tenantcore_app\" \"\"\n\"tenantcore_migrator\" \"\"\n\"postgres\" \"\"\n");
        var command = new ArrayList<>(List.of(BINARY.toString(), "-d", directory.resolve("pgbouncer.ini").toString()));
        if ("root".equals(System.getProperty("user.name"))) {
            run(List.of("chown", "-R", "postgres", directory.toString()));
            run(List.of("chmod", "755", directory.getParent().toString()));
            command.addAll(0, List.of("runuser", "-u", "postgres", "--"));
        }
        run(command);
        var bouncer = new PgBouncer(directory, port);
        for (int i = 0; i < 100 && !bouncer.listening(); i++) {
            Thread.sleep(50);
        }
        if (!bouncer.listening()) {
            throw new IllegalStateException("PgBouncer did not start: " + Files.readString(directory.resolve("pgbouncer.log")));
        }
        return bouncer;
    }

    int port() {
        return port;
    }

    private boolean listening() {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    @Override
    public void close() {
        try {
            var pid = Files.readString(directory.resolve("pgbouncer.pid")).strip();
            ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
