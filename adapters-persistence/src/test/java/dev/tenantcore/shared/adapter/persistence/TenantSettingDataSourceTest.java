package dev.tenantcore.shared.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.shared.application.Caller;
import dev.tenantcore.shared.domain.Actor;
import dev.tenantcore.shared.domain.OrganizationId;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What reaches the JDBC driver when a tenant transaction runs its statements: the setting travels in front of the
 * first single execution, and is sent on its own before anything else. (That the database then isolates tenants is
 * the isolation suite's business.)
 */
class TenantSettingDataSourceTest {
    private static final String TENANT = "01a20432-c603-7189-864c-83678c8036c1";
    private static final String SELECT = "SELECT * FROM tasks WHERE organization_id = ? AND id = ?";
    private static final String SET_TENANT = TransactionSettings.tenant(TENANT, "").sql();
    private static final String PREFIXED = SET_TENANT + "; " + SELECT;

    private final List<String> driverCalls = new ArrayList<>();
    private Connection connection;

    @BeforeEach
    void connect() throws SQLException {
        connection = TenantSettingDataSource.wrap(fake(DataSource.class, "dataSource")).getConnection();
        driverCalls.clear();
    }

    @Test
    void theFirstQueryCarriesTheTenantSettingWithItsParametersMovedUp() throws SQLException {
        TenantSettingDataSource.apply(connection, TransactionSettings.tenant(TENANT, ""));

        var statement = connection.prepareStatement(SELECT);
        statement.setString(1, "org");
        statement.setString(2, "id");
        statement.setQueryTimeout(5);
        var result = statement.executeQuery();

        assertThat(result).isNotNull();
        assertThat(driverCalls).containsExactly(
                "prepareStatement " + PREFIXED,
                "setString [1, " + TENANT + "]",
                "setString [2, ]",
                "setString [3, org]",
                "setString [4, id]",
                "setQueryTimeout [5]",
                "execute",
                "getMoreResults",
                "getResultSet");
    }

    @Test
    void aWriteCarriesTheCallerBesideTheTenantAndMovesTheParametersPastAllSettings() throws SQLException {
        var keyId = UUID.fromString("01a20432-c603-7189-864c-83678c8036c2");
        var settings = TransactionSettings.tenantAndCaller(new OrganizationId(UUID.fromString(TENANT)), null,
                new Caller(Actor.apiKey(keyId), "req-1", "192.0.2.7", null));
        TenantSettingDataSource.apply(connection, settings);

        var statement = connection.prepareStatement(SELECT);
        statement.setString(1, "org");
        statement.executeUpdate();

        assertThat(driverCalls).containsExactly(
                "prepareStatement " + settings.sql() + "; " + SELECT,
                "setString [1, " + TENANT + "]",
                "setString [2, ]",
                "setString [3, api_key]",
                "setString [4, " + keyId + "]",
                "setString [5, req-1]",
                "setString [6, 192.0.2.7]",
                "setString [7, ]",
                "setString [8, org]",
                "execute",
                "getMoreResults",
                "getUpdateCount");
        assertThat(settings.sql()).startsWith("SELECT set_config('app.organization_id', ?, true), ")
                .contains("set_config('app.actor_type', ?, true)", "set_config('app.user_agent', ?, true)");
    }

    @Test
    void aStreamingQueryGetsTheSettingSentOnItsOwnFirst() throws SQLException {
        TenantSettingDataSource.apply(connection, TransactionSettings.tenant(TENANT, ""));

        var statement = connection.prepareStatement(SELECT);
        statement.setFetchSize(500);
        statement.executeQuery();

        assertThat(driverCalls).containsExactly(
                "prepareStatement " + SET_TENANT,
                "setString [1, " + TENANT + "]",
                "setString [2, ]",
                "execute",
                "close",
                "prepareStatement " + SELECT,
                "setFetchSize [500]",
                "executeQuery");
    }

    @Test
    void laterStatementsOfTheTransactionAreLeftAlone() throws SQLException {
        TenantSettingDataSource.apply(connection, TransactionSettings.tenant(TENANT, ""));
        connection.prepareStatement(SELECT).executeUpdate();
        driverCalls.clear();

        var second = connection.prepareStatement(SELECT);
        second.setString(1, "org");
        second.executeUpdate();

        assertThat(driverCalls).containsExactly("prepareStatement " + SELECT, "setString [1, org]", "executeUpdate");
    }

    @Test
    void aBatchGetsTheSettingSentOnItsOwnFirst() throws SQLException {
        TenantSettingDataSource.apply(connection, TransactionSettings.tenant(TENANT, ""));

        var statement = connection.prepareStatement(SELECT);
        statement.setString(1, "org");
        statement.addBatch();
        statement.executeBatch();

        assertThat(driverCalls).containsExactly(
                "prepareStatement " + SET_TENANT,
                "setString [1, " + TENANT + "]",
                "setString [2, ]",
                "execute",
                "close",
                "prepareStatement " + SELECT,
                "setString [1, org]",
                "addBatch",
                "executeBatch");
    }

    @Test
    void aPlainStatementGetsTheSettingSentOnItsOwnFirst() throws SQLException {
        TenantSettingDataSource.apply(connection, TransactionSettings.tenant(TENANT, ""));

        connection.createStatement();

        assertThat(driverCalls).startsWith("prepareStatement " + SET_TENANT,
                "setString [1, " + TENANT + "]", "setString [2, ]", "execute", "close").endsWith("createStatement");
    }

    @Test
    void aTransactionThatRanNothingLeavesNothingPending() throws SQLException {
        TenantSettingDataSource.apply(connection, TransactionSettings.tenant(TENANT, ""));
        connection.commit();
        driverCalls.clear();

        connection.prepareStatement(SELECT).executeQuery();

        assertThat(driverCalls).containsExactly("prepareStatement " + SELECT, "executeQuery");
    }

    /** A JDBC object that logs every call and answers with more such objects, or a neutral value. */
    @SuppressWarnings("unchecked")
    private <T> T fake(Class<T> type, String name) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            var call = method.getName();
            if (call.equals("getConnection") && type == DataSource.class) {
                return fake(Connection.class, "connection");
            }
            if (call.equals("toString")) {
                return name;
            }
            driverCalls.add(call + (args == null ? "" : args.length == 1 && args[0] instanceof String sql
                    ? " " + sql : " " + Arrays.toString(args)));
            return switch (call) {
                case "prepareStatement" -> fake(PreparedStatement.class, "statement");
                case "createStatement" -> fake(Statement.class, "statement");
                case "executeQuery", "getResultSet" -> fake(ResultSet.class, "result");
                case "executeUpdate", "getUpdateCount" -> 1;
                case "executeBatch" -> new int[] {1};
                case "execute", "getMoreResults", "isWrapperFor" -> false;
                default -> null;
            };
        });
    }
}
