package dev.tenantcore.isolation;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads PostgreSQL's catalog and lists every way the schema falls short of the tenancy rules (README: "How tenancy is enforced").
 * An empty list means the schema is sound. Kept apart from the tests so the negative control can run the very
 * same checks against a deliberately broken schema and see them report it.
 */
final class IsolationCatalog {
    static final String RUNTIME_ROLE = "tenantcore_app";
    /** The tenant root: its id is the organization_id of everything else. */
    static final String ROOT_TABLE = "organizations";
    /**
     * Unique across tenants on purpose: a slug is a public handle (V1); an address is a person's one login name,
     * and a provider's subject logs in one person (V4).
     */
    static final Set<String> GLOBALLY_UNIQUE_BY_DESIGN = Set.of("organizations_slug_key", "users_email_key",
            "user_external_logins_provider_subject_key");
    /** Global bookkeeping and catalogues, readable by the runtime role and written only by migrations. */
    static final Set<String> NOT_TENANT_DATA = Set.of("flyway_schema_history", "audit_log_horizon", "permissions",
            "builtin_role_permissions");
    /**
     * Global tables the runtime role writes, which hold no tenant data, each with the CHECK constraints that keep it
     * so: db-scheduler's job queue (V11), whose entries name only '<organization id>/<job id>' and carry no data;
     * a job's own state is in the tenant table jobs. The webhooks' relay queue (V16) likewise names only
     * '<organization id>/<delivery id>'.
     */
    static final Map<String, Set<String>> GLOBAL_QUEUES = Map.of("scheduled_tasks",
            Set.of("scheduled_tasks_instance_is_ids_check", "scheduled_tasks_no_data_check"),
            "webhook_dispatch_queue", Set.of("webhook_dispatch_queue_entry_is_ids_check"));
    /**
     * A person's own data, global rather than per tenant (migration V4): scoped by app.user_id, with the user's id
     * in every key. {@code users} is their root, keyed by id.
     */
    static final Set<String> USER_SCOPED = Set.of("users", "user_credentials", "user_external_logins",
            "user_profiles", "user_preferences", "refresh_tokens");
    /** Global catalogues a tenant table may reference without organization_id in the foreign key. */
    static final Set<String> GLOBAL_REFERENCES = Set.of("permissions");
    /**
     * The one foreign key from a tenant table to an account: a membership is what ties a person to an organization.
     * Everything else refers to a person as a member, {@code (organization_id, user_id) REFERENCES memberships}, so
     * that it cannot name someone of another organization.
     */
    static final Set<String> ACCOUNT_REFERENCES = Set.of("memberships_user_fkey");
    /**
     * Tenant tables that are never changed, only appended to (by triggers, as another role): an occurred_at
     * instead of created_at and updated_at, and no write privileges at all for the runtime role.
     */
    static final Set<String> APPEND_ONLY = Set.of("audit_events");
    /**
     * Tenant tables whose changes the audit log does not record, each with its reason: the one place a table is
     * let off the audit trigger (README: "The audit log").
     */
    static final Map<String, String> NOT_AUDITED = Map.of(
            "invitation_roles", "the roles an invitation will grant: written with the invitation and never changed;"
                    + " accepting it records them as member_role events, and deleting a role is a role event",
            "idempotency_keys", "the responses kept for a day for retries of POSTs: each request's own changes are"
                    + " audited, and the log would otherwise hold copies of their responses",
            "import_errors", "an import's error report: lines the import's job derives from the uploaded file, "
                    + "never changed; the import's own events record its upload, end and counts",
            "webhook_events", "the outbox: each event is itself derived from an audited change",
            "webhook_deliveries", "delivery bookkeeping, one row per event and endpoint; its state is served as "
                    + "the delivery log, and an endpoint's disabling is audited on webhooks");

    private IsolationCatalog() {
    }

    static List<String> violations(Connection connection) throws SQLException {
        var found = new ArrayList<String>();
        for (var table : tables(connection)) {
            if (NOT_TENANT_DATA.contains(table)) {
                checkReadOnlyForRuntimeRole(connection, table, found);
                continue;
            }
            if (GLOBAL_QUEUES.containsKey(table)) {
                checkHoldsOnlyIds(connection, table, GLOBAL_QUEUES.get(table), found);
                continue;
            }
            if (isPartition(connection, table)) {
                // Reached through the parent, whose policies apply there; directly, nothing at all.
                checkRowLevelSecurity(connection, table, found);
                checkNoRuntimePrivileges(connection, table, found);
                continue;
            }
            if (USER_SCOPED.contains(table)) {
                var userColumn = table.equals("users") ? "id" : "user_id";
                checkRowLevelSecurity(connection, table, found);
                checkPolicy(connection, table, "app.user_id", found);
                checkKeys(connection, table, userColumn, found);
                checkAuditColumns(connection, table, found);
                continue;
            }
            var tenantColumn = table.equals(ROOT_TABLE) ? "id" : "organization_id";
            if (!table.equals(ROOT_TABLE) && !hasColumn(connection, table, "organization_id")) {
                found.add(table + ": no organization_id column (every table holds tenant data)");
                continue;
            }
            checkRowLevelSecurity(connection, table, found);
            checkPolicy(connection, table, "app.organization_id", found);
            checkKeys(connection, table, tenantColumn, found);
            if (APPEND_ONLY.contains(table)) {
                checkAppendOnly(connection, table, found);
            } else {
                checkAuditColumns(connection, table, found);
                checkAuditTrigger(connection, table, found);
            }
        }
        checkRuntimeRole(connection, found);
        checkViews(connection, found);
        return found;
    }

    private static List<String> tables(Connection connection) throws SQLException {
        return strings(connection, """
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1""");
    }

    private static void checkRowLevelSecurity(Connection connection, String table, List<String> found)
            throws SQLException {
        var flags = strings(connection, "SELECT relrowsecurity || ',' || relforcerowsecurity FROM pg_class "
                + "WHERE oid = 'public." + table + "'::regclass");
        if (!flags.equals(List.of("true,true"))) {
            found.add(table + ": row-level security not enabled and forced (enabled,forced: " + flags + "): add "
                    + "\"ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY\" and \"ALTER TABLE " + table
                    + " FORCE ROW LEVEL SECURITY\" to its migration");
        }
    }

    private static void checkPolicy(Connection connection, String table, String setting, List<String> found)
            throws SQLException {
        var policies = strings(connection, """
                SELECT policyname FROM pg_policies
                WHERE schemaname = 'public' AND tablename = '%s' AND '%s' = ANY (roles) AND cmd = 'ALL'
                  AND qual LIKE '%%%s%%' AND with_check LIKE '%%%s%%'"""
                .formatted(table, RUNTIME_ROLE, setting, setting));
        if (policies.size() != 1) {
            found.add(table + ": expected one policy for " + RUNTIME_ROLE
                    + " with USING and WITH CHECK on " + setting + ", found " + policies);
        }
        var permissive = strings(connection, """
                SELECT policyname FROM pg_policies
                WHERE schemaname = 'public' AND tablename = '%s' AND ('%s' = ANY (roles) OR 'public' = ANY (roles))
                  AND (qual = 'true' OR with_check = 'true')""".formatted(table, RUNTIME_ROLE));
        if (!permissive.isEmpty()) {
            found.add(table + ": policy open to the runtime role: " + permissive);
        }
    }

    private static void checkKeys(Connection connection, String table, String tenantColumn, List<String> found)
            throws SQLException {
        // Primary key, unique constraints and unique indexes must include the tenant column; foreign keys too.
        var withoutTenant = strings(connection, """
                SELECT con.conname || ' (' || con.contype::text || ')'
                FROM pg_constraint con
                WHERE con.conrelid = 'public.%s'::regclass AND con.contype IN ('p', 'u', 'f')
                  AND NOT (con.contype = 'f' AND (con.confrelid::regclass::text = ANY ('%s'::text[])
                                                  OR con.conname = ANY ('%s'::text[])))
                  AND NOT EXISTS (
                      SELECT 1 FROM unnest(con.conkey) k
                      JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k
                      WHERE a.attname = '%s')
                UNION ALL
                SELECT i.indexrelid::regclass::text || ' (unique index)'
                FROM pg_index i
                WHERE i.indrelid = 'public.%s'::regclass AND i.indisunique
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
                  AND NOT EXISTS (
                      SELECT 1 FROM unnest(i.indkey) k
                      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k
                      WHERE a.attname = '%s')""".formatted(table, "{" + String.join(",", GLOBAL_REFERENCES) + "}",
                "{" + String.join(",", ACCOUNT_REFERENCES) + "}", tenantColumn, table, tenantColumn));
        withoutTenant.stream()
                .filter(name -> GLOBALLY_UNIQUE_BY_DESIGN.stream().noneMatch(name::startsWith))
                .forEach(name -> found.add(table + ": " + name + " does not include " + tenantColumn + ": "
                        + (name.endsWith(" (f)")
                                ? "make it a composite foreign key, (" + tenantColumn + ", <column>) REFERENCES "
                                        + "<table> (" + tenantColumn + ", id)" + (tenantColumn.equals("organization_id")
                                                ? " (a person: REFERENCES memberships (organization_id, user_id))"
                                                : "")
                                        + ": a plain one can point at another tenant's row"
                                : "make it (" + tenantColumn + ", ...): a global unique key reveals another "
                                        + "tenant's values")));
        var primaryKeys = strings(connection, "SELECT conname FROM pg_constraint WHERE contype = 'p' AND conrelid = "
                + "'public." + table + "'::regclass");
        if (primaryKeys.isEmpty()) {
            found.add(table + ": no primary key");
        }
    }

    private static void checkAuditColumns(Connection connection, String table, List<String> found)
            throws SQLException {
        var columns = strings(connection, """
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name = '%s' AND column_name IN ('created_at', 'updated_at')
                  AND data_type = 'timestamp with time zone' AND is_nullable = 'NO'""".formatted(table));
        if (columns.size() != 2) {
            found.add(table + ": created_at and updated_at must be timestamptz NOT NULL, found " + columns);
        }
        var triggers = strings(connection, """
                SELECT t.tgname FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
                WHERE t.tgrelid = 'public.%s'::regclass AND p.proname = 'set_updated_at'""".formatted(table));
        if (triggers.isEmpty()) {
            found.add(table + ": no trigger maintains updated_at");
        }
    }

    private static void checkAuditTrigger(Connection connection, String table, List<String> found)
            throws SQLException {
        var triggers = strings(connection, """
                SELECT t.tgname FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
                WHERE t.tgrelid = 'public.%s'::regclass AND p.proname = 'record_audit_event'""".formatted(table));
        if (triggers.isEmpty() && !NOT_AUDITED.containsKey(table)) {
            found.add(table + ": no audit trigger: add \"CREATE TRIGGER " + table + "_audit AFTER INSERT OR UPDATE OR "
                    + "DELETE ON " + table + " FOR EACH ROW EXECUTE FUNCTION record_audit_event('<entity type>')\" "
                    + "to its migration, or list it in IsolationCatalog.NOT_AUDITED with the reason");
        }
        if (!triggers.isEmpty() && NOT_AUDITED.containsKey(table)) {
            found.add(table + ": listed in IsolationCatalog.NOT_AUDITED, yet audited by " + triggers);
        }
    }

    /** The entity type each audit trigger records (its first argument), by table. */
    static Map<String, String> auditedEntityTypes(Connection connection) throws SQLException {
        var byTable = new TreeMap<String, String>();
        for (var row : strings(connection, """
                SELECT c.relname || ' ' || split_part(encode(t.tgargs, 'escape'), '\\000', 1)
                FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid JOIN pg_class c ON c.oid = t.tgrelid
                WHERE p.proname = 'record_audit_event' AND NOT c.relispartition""")) {
            var parts = row.split(" ", 2);
            byTable.put(parts[0], parts[1]);
        }
        return byTable;
    }

    /** Every table that holds organizations' rows, the root included, as the catalog lists them. */
    static List<String> organizationTables(Connection connection) throws SQLException {
        return strings(connection, """
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                  AND (c.relname = '%s' OR EXISTS (SELECT 1 FROM pg_attribute a
                      WHERE a.attrelid = c.oid AND a.attname = 'organization_id' AND NOT a.attisdropped))
                ORDER BY 1""".formatted(ROOT_TABLE));
    }

    private static boolean isPartition(Connection connection, String table) throws SQLException {
        return strings(connection, "SELECT relispartition FROM pg_class WHERE oid = 'public." + table + "'::regclass")
                .equals(List.of("t"));
    }

    private static void checkHoldsOnlyIds(Connection connection, String table, Set<String> constraints,
            List<String> found) throws SQLException {
        var present = strings(connection, "SELECT conname FROM pg_constraint WHERE contype = 'c' AND convalidated"
                + " AND conrelid = 'public." + table + "'::regclass");
        if (!present.containsAll(constraints)) {
            found.add(table + ": a global queue must keep tenant data out with " + constraints + ", has " + present);
        }
        if (hasColumn(connection, table, "organization_id")) {
            found.add(table + ": a global queue with an organization_id column: make it a tenant table");
        }
    }

    private static void checkNoRuntimePrivileges(Connection connection, String table, List<String> found)
            throws SQLException {
        var privileges = tablePrivileges(connection, table, "SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE");
        if (!privileges.isEmpty()) {
            found.add(table + ": a partition the runtime role can reach directly (" + privileges + ")");
        }
    }

    private static void checkReadOnlyForRuntimeRole(Connection connection, String table, List<String> found)
            throws SQLException {
        var privileges = tablePrivileges(connection, table, "INSERT", "UPDATE", "DELETE", "TRUNCATE");
        if (!privileges.isEmpty()) {
            found.add(table + ": not tenant data, yet the runtime role may write it (" + privileges + ")");
        }
    }

    private static void checkAppendOnly(Connection connection, String table, List<String> found)
            throws SQLException {
        var privileges = tablePrivileges(connection, table, "INSERT", "UPDATE", "DELETE", "TRUNCATE");
        if (!privileges.isEmpty()) {
            found.add(table + ": append-only, yet the runtime role may write it (" + privileges + ")");
        }
        var occurredAt = strings(connection, """
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name = '%s' AND column_name = 'occurred_at'
                  AND data_type = 'timestamp with time zone' AND is_nullable = 'NO'""".formatted(table));
        if (occurredAt.isEmpty()) {
            found.add(table + ": append-only tables need occurred_at timestamptz NOT NULL");
        }
    }

    private static List<String> tablePrivileges(Connection connection, String table, String... privileges)
            throws SQLException {
        var held = new ArrayList<String>();
        for (var privilege : privileges) {
            if (!strings(connection, "SELECT 1 WHERE has_table_privilege('" + RUNTIME_ROLE + "', 'public." + table
                    + "', '" + privilege + "')").isEmpty()) {
                held.add(privilege);
            }
        }
        return held;
    }

    private static void checkRuntimeRole(Connection connection, List<String> found) throws SQLException {
        var attributes = strings(connection, "SELECT rolsuper || ',' || rolbypassrls || ',' || rolcreaterole || ','"
                + " || rolcreatedb FROM pg_roles WHERE rolname = '" + RUNTIME_ROLE + "'");
        if (!attributes.equals(List.of("false,false,false,false"))) {
            found.add(RUNTIME_ROLE + ": must be NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB, is " + attributes);
        }
        var owned = strings(connection, "SELECT relname FROM pg_class WHERE relowner = '" + RUNTIME_ROLE
                + "'::regrole UNION ALL SELECT proname FROM pg_proc WHERE proowner = '" + RUNTIME_ROLE + "'::regrole"
                + " UNION ALL SELECT nspname FROM pg_namespace WHERE nspowner = '" + RUNTIME_ROLE + "'::regrole");
        if (!owned.isEmpty()) {
            found.add(RUNTIME_ROLE + ": owns " + owned);
        }
        var memberships = strings(connection, "SELECT roleid::regrole::text FROM pg_auth_members WHERE member = '"
                + RUNTIME_ROLE + "'::regrole");
        if (!memberships.isEmpty()) {
            found.add(RUNTIME_ROLE + ": is a member of " + memberships);
        }
        var extraPrivileges = strings(connection, """
                SELECT table_name || ':' || privilege_type FROM information_schema.role_table_grants
                WHERE grantee = '%s' AND table_schema = 'public'
                  AND privilege_type NOT IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE')""".formatted(RUNTIME_ROLE));
        if (!extraPrivileges.isEmpty()) {
            found.add(RUNTIME_ROLE + ": has privileges beyond DML: " + extraPrivileges);
        }
        var schemaCreate = strings(connection, "SELECT 1 WHERE has_schema_privilege('" + RUNTIME_ROLE
                + "', 'public', 'CREATE')");
        if (!schemaCreate.isEmpty()) {
            found.add(RUNTIME_ROLE + ": may create objects in schema public");
        }
    }

    private static void checkViews(Connection connection, List<String> found) throws SQLException {
        // Views run with their owner's rights unless security_invoker; materialized views ignore RLS entirely.
        var unsafe = strings(connection, """
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND (
                      (c.relkind = 'v' AND NOT coalesce('security_invoker=true' = ANY (c.reloptions), false))
                   OR (c.relkind = 'm' AND has_table_privilege('%s', c.oid, 'SELECT')))""".formatted(RUNTIME_ROLE));
        unsafe.forEach(view -> found.add(view + ": view readable without row-level security"));
    }

    private static boolean hasColumn(Connection connection, String table, String column) throws SQLException {
        return !strings(connection, "SELECT 1 FROM information_schema.columns WHERE table_schema = 'public' AND "
                + "table_name = '" + table + "' AND column_name = '" + column + "'").isEmpty();
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            var values = new ArrayList<String>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
