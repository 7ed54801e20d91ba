package dev.tenantcore.access.adapter.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The statements of this adapter that Micronaut Data's generated queries cannot express: those binding arrays
 * ({@code = ANY (?)}, {@code unnest(?)}), which keep a set of ids or names one parameter, and so one statement
 * text and one prepared plan, whatever its size.
 */
final class JdbcStatements {
    private final JdbcOperations jdbc;

    JdbcStatements(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    <T> List<T> query(String sql, Binder binder, RowReader<T> reader) {
        return jdbc.prepareStatement(sql, statement -> {
            binder.bind(statement);
            var found = new ArrayList<T>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(reader.read(rows));
                }
            }
            return found;
        });
    }

    int update(String sql, Binder binder) {
        return jdbc.prepareStatement(sql, statement -> {
            binder.bind(statement);
            return statement.executeUpdate();
        });
    }

    <E> E readEntity(ResultSet row, Class<E> type) {
        return jdbc.readEntity(row, type);
    }

    static void bindUuids(PreparedStatement statement, int index, Collection<UUID> values) throws SQLException {
        statement.setArray(index, statement.getConnection().createArrayOf("uuid", values.toArray()));
    }

    static void bindTexts(PreparedStatement statement, int index, Collection<String> values) throws SQLException {
        statement.setArray(index, statement.getConnection().createArrayOf("text", values.toArray()));
    }

    static List<UUID> uuids(ResultSet row, String column) throws SQLException {
        var array = row.getArray(column);
        if (array == null) {
            return List.of();
        }
        try {
            var values = new ArrayList<UUID>();
            for (Object value : (Object[]) array.getArray()) {
                values.add((UUID) value);
            }
            return values;
        } finally {
            array.free();
        }
    }

    static List<String> texts(ResultSet row, String column) throws SQLException {
        var array = row.getArray(column);
        if (array == null) {
            return List.of();
        }
        try {
            var values = new ArrayList<String>();
            for (Object value : (Object[]) array.getArray()) {
                values.add((String) value);
            }
            return values;
        } finally {
            array.free();
        }
    }
}
