package dev.tenantcore.shared.adapter.persistence;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Hands out replica connections to the transactions {@link JdbcTenantTransactions} routes there ({@link #onReplica})
 * and primary connections to everything else. It wraps the runtime pool itself, inside
 * {@link TenantSettingDataSource}: replica connections get the tenant setting and the statement guard like any.
 * A replica that cannot give a connection is reported to {@link ReadReplica} and the primary serves instead.
 */
@Singleton
@Requires(bean = ReadReplica.class)
final class ReplicaRoutingDataSource implements BeanCreatedEventListener<DataSource>, Ordered {
    private static final ThreadLocal<Boolean> ROUTED = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> SERVED_BY_REPLICA = new ThreadLocal<>();

    private final ReadReplica replica;

    ReplicaRoutingDataSource(ReadReplica replica) {
        this.replica = replica;
    }

    /** Before {@link TenantSettingDataSource}, which must wrap this. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        if (!"default".equals(event.getBeanIdentifier().getName())) {
            return event.getBean();
        }
        replica.start(event.getBean());
        return new Router(event.getBean(), replica);
    }

    /**
     * Runs {@code read} (a whole transaction) with its connection from the replica if one can be had; says whether
     * the replica served it, so that a failure there can be retried on the primary.
     */
    static <T> Routed<T> onReplica(Supplier<T> read) {
        ROUTED.set(Boolean.TRUE);
        SERVED_BY_REPLICA.remove();
        try {
            return new Routed<>(read.get(), Boolean.TRUE.equals(SERVED_BY_REPLICA.get()));
        } catch (RuntimeException e) {
            throw new ReplicaFailure(e, Boolean.TRUE.equals(SERVED_BY_REPLICA.get()));
        } finally {
            ROUTED.remove();
            SERVED_BY_REPLICA.remove();
        }
    }

    record Routed<T>(T result, boolean byReplica) {
    }

    /** What a routed read threw, and whether the replica was serving it. */
    static final class ReplicaFailure extends RuntimeException {
        private final boolean byReplica;

        ReplicaFailure(RuntimeException cause, boolean byReplica) {
            super(cause);
            this.byReplica = byReplica;
        }

        boolean byReplica() {
            return byReplica;
        }

        RuntimeException original() {
            return (RuntimeException) getCause();
        }
    }

    private record Router(DataSource primary, ReadReplica replica) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            if (Boolean.TRUE.equals(ROUTED.get())) {
                ROUTED.remove(); // the transaction's one connection; anything after it is not part of the read
                try {
                    var connection = replica.connection();
                    SERVED_BY_REPLICA.set(Boolean.TRUE);
                    return connection;
                } catch (SQLException e) {
                    replica.failed(e);
                }
            }
            return primary.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return primary.getConnection(username, password);
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return type.isInstance(this) ? type.cast(this) : primary.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return type.isInstance(this) || primary.isWrapperFor(type);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return primary.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            primary.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            primary.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return primary.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return primary.getParentLogger();
        }
    }
}
