package dev.tenantcore.shared.adapter.persistence;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Sends a transaction's settings (the tenant, and for writes the caller: {@link TransactionSettings}) in the same
 * round trip as its first statement.
 *
 * <p>{@link JdbcTenantTransactions} only <em>defers</em> the settings on the connection ({@link #apply}). The
 * transaction's first prepared statement is then sent as {@code SELECT set_config('app.organization_id', ?, true)
 * ...; <statement>}: PostgreSQL's JDBC driver puts both in one message, the server runs them in order, and the
 * caller sees only its own statement's result (the settings are the first parameters, the caller's move up behind
 * them, so the SQL text stays constant and its server-side prepared plan is reused). A separate round
 * trip for the setting costs 25-40% throughput on small machines.
 *
 * <p>Anything else that would reach the database first (a plain or callable statement, a batch, a statement asking
 * for generated keys, a query that streams with a fetch size) gets the setting sent on its own first, so
 * correctness never depends on the fast path.
 *
 * <p>Every statement prepared through it passes the {@link TenantStatementGuard} first: the tenant rules every
 * adapter would otherwise have to remember.
 */
@Singleton
final class TenantSettingDataSource implements BeanCreatedEventListener<DataSource>, Ordered {
    /**
     * Among the first DataSource listeners, so this wraps the pool itself (or the {@link ReplicaRoutingDataSource}
     * around it, so that replica connections are wrapped too): Micronaut Data's own listener must wrap this one (its
     * contextual connections cannot be handed around outside its connection management).
     */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        return new Wrapper(event.getBean(), new TenantStatementGuard());
    }

    /** Without the {@link TenantStatementGuard}, which needs a real database's catalog. */
    static DataSource wrap(DataSource pool) {
        return new Wrapper(pool, null);
    }

    /**
     * Applies the settings of the transaction just begun on {@code connection}: deferred to its first statement
     * when the connection comes from this wrapper, sent at once otherwise.
     */
    static void apply(Connection connection, TransactionSettings settings) throws SQLException {
        if (connection.isWrapperFor(DeferredSettings.class)) {
            connection.unwrap(DeferredSettings.class).defer(settings);
        } else {
            sendNow(connection, settings);
        }
    }

    /** The slow path: the settings as a statement of their own, one extra round trip. */
    private static void sendNow(Connection connection, TransactionSettings settings) throws SQLException {
        try (var statement = connection.prepareStatement(settings.sql())) {
            setValues(statement, settings);
            statement.execute();
        }
    }

    private static void setValues(PreparedStatement statement, TransactionSettings settings) throws SQLException {
        for (int i = 0; i < settings.size(); i++) {
            statement.setString(i + 1, settings.values().get(i));
        }
    }

    /** A connection's pending settings, if its transaction has not sent them yet. */
    static final class DeferredSettings {
        private final Connection connection;
        private TransactionSettings pending;

        DeferredSettings(Connection connection) {
            this.connection = connection;
        }

        void defer(TransactionSettings settings) {
            pending = settings;
        }

        TransactionSettings take() {
            var settings = pending;
            pending = null;
            return settings;
        }

        /** Sends pending settings on their own, for statements the fast path does not cover. */
        void flush() throws SQLException {
            var settings = take();
            if (settings != null) {
                sendNow(connection, settings);
            }
        }
    }

    private record Wrapper(DataSource pool, TenantStatementGuard guard) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return wrap(pool.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return wrap(pool.getConnection(username, password));
        }

        private Connection wrap(Connection connection) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, new ConnectionHandler(connection, guard));
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return type.isInstance(this) || pool.isWrapperFor(type);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return pool.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            pool.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            pool.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return pool.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return pool.getParentLogger();
        }
    }

    private static final class ConnectionHandler implements InvocationHandler {
        private final Connection connection;
        private final DeferredSettings deferred;
        private final TenantStatementGuard guard;

        ConnectionHandler(Connection connection, TenantStatementGuard guard) {
            this.connection = connection;
            this.deferred = new DeferredSettings(connection);
            this.guard = guard;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            var preparesSql = method.getName().equals("prepareStatement") || method.getName().equals("prepareCall");
            if (guard != null && preparesSql) {
                guard.check(connection, (String) args[0]);
            }
            switch (method.getName()) {
                case "unwrap" -> {
                    if (args[0] == DeferredSettings.class) {
                        return deferred;
                    }
                }
                case "isWrapperFor" -> {
                    if (args[0] == DeferredSettings.class) {
                        return true;
                    }
                }
                case "prepareStatement" -> {
                    if (deferred.pending != null) {
                        // Micronaut Data's inserts ask explicitly for no generated keys: the same as no option.
                        if (args.length == 1 || args.length == 2 && Integer.valueOf(Statement.NO_GENERATED_KEYS).equals(args[1])) {
                            return Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                                    new Class<?>[] {PreparedStatement.class},
                                    new FirstStatementHandler(connection, deferred, (String) args[0]));
                        }
                        deferred.flush(); // generated keys, cursor options: not worth a fast path
                    }
                }
                case "createStatement", "prepareCall", "nativeSQL" -> deferred.flush();
                case "commit", "rollback", "close", "setAutoCommit" -> deferred.take(); // nothing ran: drop it
                default -> {
                }
            }
            return invokeOn(connection, method, args);
        }
    }

    /**
     * The first statement of a tenant transaction. Parameters and options are recorded until it runs; then it is
     * prepared either with the settings in front (single execution: one round trip) or, for batches and anything
     * unusual, after sending the settings on their own.
     */
    private static final class FirstStatementHandler implements InvocationHandler {
        private final Connection connection;
        private final DeferredSettings deferred;
        private final String sql;
        private final List<Object[]> recorded = new ArrayList<>();
        private final List<Method> recordedMethods = new ArrayList<>();
        private PreparedStatement statement;
        private TransactionSettings inFront;

        FirstStatementHandler(Connection connection, DeferredSettings deferred, String sql) {
            this.connection = connection;
            this.deferred = deferred;
            this.sql = sql;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            var name = method.getName();
            if (statement == null) {
                if (name.startsWith("set") || name.equals("clearParameters")) {
                    recordedMethods.add(method);
                    recorded.add(args == null ? null : args.clone());
                    return null;
                }
                if (name.equals("close") || name.equals("isClosed")) {
                    return name.equals("isClosed") ? Boolean.FALSE : null;
                }
                var singleExecution = args == null && (name.equals("execute") || name.equals("executeQuery")
                        || name.equals("executeUpdate") || name.equals("executeLargeUpdate"));
                prepare(singleExecution && !streams());
            }
            if (inFront == null) {
                return invokeOn(statement, method, args);
            }
            if (isParameterSetter(method, args)) {
                args[0] = (Integer) args[0] + inFront.size(); // the caller's parameters follow the settings'
                return invokeOn(statement, method, args);
            }
            return switch (name) {
                case "clearParameters" -> {
                    statement.clearParameters();
                    setValues(statement, inFront);
                    yield null;
                }
                case "executeQuery" -> {
                    statement.execute();
                    statement.getMoreResults(); // past the settings' one-row result, to the caller's
                    yield statement.getResultSet();
                }
                case "executeUpdate" -> {
                    statement.execute();
                    statement.getMoreResults();
                    yield statement.getUpdateCount();
                }
                case "executeLargeUpdate" -> {
                    statement.execute();
                    statement.getMoreResults();
                    yield statement.getLargeUpdateCount();
                }
                case "execute" -> {
                    statement.execute();
                    yield statement.getMoreResults();
                }
                default -> invokeOn(statement, method, args);
            };
        }

        private void prepare(boolean singleExecution) throws Throwable {
            if (singleExecution && deferred.pending != null) {
                inFront = deferred.take();
                statement = connection.prepareStatement(inFront.sql() + "; " + sql);
                setValues(statement, inFront);
            } else {
                deferred.flush();
                statement = connection.prepareStatement(sql);
            }
            var proxy = (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, this);
            for (int i = 0; i < recorded.size(); i++) {
                invoke(proxy, recordedMethods.get(i), recorded.get(i));
            }
        }

        /**
         * A fetch size asks the driver to stream rows through a cursor, which it does only for a single statement:
         * such a query gets the settings sent on their own rather than lose streaming.
         */
        private boolean streams() {
            for (int i = 0; i < recorded.size(); i++) {
                if (recordedMethods.get(i).getName().equals("setFetchSize") && (Integer) recorded.get(i)[0] > 0) {
                    return true;
                }
            }
            return false;
        }

        /** {@code setString(int, String)} and its kind, as opposed to one-argument options like setFetchSize. */
        private static boolean isParameterSetter(Method method, Object[] args) {
            return method.getName().startsWith("set") && args != null && args.length >= 2
                    && method.getParameterTypes()[0] == int.class;
        }
    }

    private static Object invokeOn(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
