package dev.tenantcore.isolation;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a connection can see and do in a transaction with no tenant set. For the runtime role the answer must be
 * "nothing": the negative control shows the same probe reporting rows when isolation is broken.
 */
final class RuntimeRoleProbe {
    static final String[] TENANT_TABLES = {"organizations", "api_keys", "tasks"};

    private RuntimeRoleProbe() {
    }

    /** Rows visible per table, in the current transaction. */
    static Map<String, Long> visibleRows(Connection connection) throws SQLException {
        var counts = new LinkedHashMap<String, Long>();
        for (var table : TENANT_TABLES) {
            try (var statement = connection.createStatement();
                    var rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                rows.next();
                counts.put(table, rows.getLong(1));
            }
        }
        return counts;
    }

    static void setTenant(Connection connection, Object organizationId) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT set_config('app.organization_id', ?, true)")) {
            statement.setString(1, organizationId == null ? "" : organizationId.toString());
            statement.execute();
        }
    }
}
