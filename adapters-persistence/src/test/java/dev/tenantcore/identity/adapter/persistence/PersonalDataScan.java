package dev.tenantcore.identity.adapter.persistence;

import dev.tenantcore.shared.adapter.persistence.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Looks for a person's traces in every table of the database, row by row in their text form, as a superuser (who
 * sees past row-level security): the test of an erasure. The audit log is reported apart: it keeps the opaque ids
 * of who did what, and must keep nothing else of the person.
 */
public final class PersonalDataScan {
    /** Where the needles were found: table name to the needles found in it. */
    public record Traces(Map<String, List<String>> outsideTheAuditLog, Map<String, List<String>> inTheAuditLog) {
    }

    private PersonalDataScan() {
    }

    public static Traces find(String... needles) throws SQLException {
        var outside = new LinkedHashMap<String, List<String>>();
        var audit = new LinkedHashMap<String, List<String>>();
        try (var superuser = TestDatabase.shared().connectAsSuperuser()) {
            var tables = new ArrayList<String>();
            try (var rows = superuser.createStatement().executeQuery("""
                    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1""")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            if (tables.size() < 10) {
                throw new IllegalStateException("the scan found too few tables to mean anything: " + tables);
            }
            for (var table : tables) {
                for (var needle : needles) {
                    try (var query = superuser.prepareStatement("SELECT EXISTS (SELECT FROM public.\"" + table
                            + "\" t WHERE strpos(lower(t::text), lower(?)) > 0)")) {
                        query.setString(1, needle);
                        try (var row = query.executeQuery()) {
                            row.next();
                            if (row.getBoolean(1)) {
                                (table.startsWith("audit_events") ? audit : outside)
                                        .computeIfAbsent(table, ignored -> new ArrayList<>()).add(needle);
                            }
                        }
                    }
                }
            }
        }
        return new Traces(outside, audit);
    }
}
