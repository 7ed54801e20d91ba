package dev.tenantcore.shared.adapter.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Refuses, before it is sent, a statement that touches a tenant table the wrong way: outside a tenant transaction
 * (row-level security would quietly show it nothing and let it change nothing), or reading, changing or deleting an
 * organization's rows without naming the organization ({@code organization_id = ?}: row-level security is the
 * backstop, the explicit predicate gives per-tenant plans and routing). Every JDBC adapter goes through it, so no
 * adapter has to remember either rule.
 *
 * <p>The catalog says which tables are tenant tables (row-level security on) and which of them hold organizations'
 * rows (an {@code organization_id} column that their policy compares with {@code app.organization_id}; a person's
 * own rows follow {@code app.user_id} instead), once per table name. The statement's tables are the names after
 * FROM, JOIN, UPDATE and INTO; a function call after FROM is not a table, and a table listed after a comma is not
 * seen: write joins as JOIN.
 */
final class TenantStatementGuard {
    private static final Pattern TABLE_REFERENCE = Pattern.compile(
            "\\b(from|join|update|into)\\s+(?:only\\s+)?(?:\"?\\w+\"?\\.)?\"?([a-z_][a-z0-9_]*+)\"?(?!\\s*\\()",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ORGANIZATION_PREDICATE = Pattern.compile(
            "organization_id\"?\\s*(=|in\\s*\\()", Pattern.CASE_INSENSITIVE);

    private enum Kind { UNGUARDED, ROW_LEVEL_SECURED, ORGANIZATION_ROWS }

    private final Map<String, Kind> tables = new ConcurrentHashMap<>();

    /** Throws {@link IllegalStateException} naming the table and the statement if {@code sql} breaks a rule. */
    void check(Connection connection, String sql) throws SQLException {
        var reads = new LinkedHashSet<String>();
        var writesInto = new LinkedHashSet<String>();
        var matcher = TABLE_REFERENCE.matcher(sql);
        while (matcher.find()) {
            var table = matcher.group(2).toLowerCase();
            (matcher.group(1).equalsIgnoreCase("into") ? writesInto : reads).add(table);
        }
        if (reads.isEmpty() && writesInto.isEmpty()) {
            return;
        }
        var referenced = new LinkedHashSet<>(reads);
        referenced.addAll(writesInto);
        learn(connection, referenced);
        var inSession = TenantSession.active().isPresent();
        for (var table : referenced) {
            if (!inSession && tables.get(table) != Kind.UNGUARDED) {
                throw new IllegalStateException("statement on tenant table " + table + " outside a tenant "
                        + "transaction: run it inside TenantTransactions. The statement: " + sql);
            }
        }
        for (var table : reads) {
            if (tables.get(table) == Kind.ORGANIZATION_ROWS && !ORGANIZATION_PREDICATE.matcher(sql).find()) {
                throw new IllegalStateException("statement on tenant table " + table + " without an explicit "
                        + "organization_id predicate: add \"organization_id = ?\" (row-level security is the "
                        + "backstop, not the filter). The statement: " + sql);
            }
        }
    }

    private void learn(Connection connection, Set<String> names) throws SQLException {
        List<String> unknown = new ArrayList<>();
        for (var name : names) {
            if (!tables.containsKey(name)) {
                unknown.add(name);
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        try (var query = connection.prepareStatement("""
                SELECT c.relname, c.relrowsecurity, EXISTS (
                    SELECT 1 FROM pg_attribute a
                    WHERE a.attrelid = c.oid AND a.attname = 'organization_id' AND NOT a.attisdropped
                ) AND EXISTS (
                    SELECT 1 FROM pg_policy p
                    WHERE p.polrelid = c.oid AND pg_get_expr(p.polqual, p.polrelid) LIKE '%app.organization_id%')
                FROM pg_class c
                WHERE c.relname = ANY (?) AND c.relkind IN ('r', 'p') AND pg_table_is_visible(c.oid)""")) {
            query.setArray(1, connection.createArrayOf("text", unknown.toArray()));
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    var kind = !rows.getBoolean(2) ? Kind.UNGUARDED
                            : rows.getBoolean(3) ? Kind.ORGANIZATION_ROWS : Kind.ROW_LEVEL_SECURED;
                    tables.put(rows.getString(1), kind);
                }
            }
        }
        // Not a table at all (a column after "FROM" in EXTRACT, a CTE's name): nothing to guard.
        unknown.forEach(name -> tables.putIfAbsent(name, Kind.UNGUARDED));
    }
}
