package dev.tenantcore.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.shared.adapter.persistence.DatabaseTest;
import dev.tenantcore.shared.adapter.persistence.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each table belongs to one context, recorded once, in the migrations ({@code COMMENT ON TABLE ... IS 'owner:
 * <context>'}); only that context's persistence adapter names it in SQL. ArchUnit sees classes, not statements:
 * this reads the adapters' sources for the tables their statements name (after FROM, JOIN, UPDATE and INTO, as
 * the tenant statement guard does).
 */
@MicronautTest(transactional = false)
class TableOwnershipTest extends DatabaseTest {
    private static final Path PERSISTENCE_SOURCES = Path.of("../adapters-persistence/src/main/java/dev/tenantcore");
    private static final Pattern TABLE_REFERENCE = Pattern.compile(
            "\\b(?:from|join|update|into)\\s+(?:only\\s+)?(?:\"?\\w+\"?\\.)?\"?([a-z_][a-z0-9_]*+)\"?(?!\\s*\\()",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OWNER = Pattern.compile("owner: ([a-z]+)");
    /** Comments and javadoc say "from the catalogue" in prose: only code counts. */
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    /** Flyway's own bookkeeping belongs to no context. */
    private static final Set<String> UNOWNED = Set.of("flyway_schema_history");
    @Test
    void everyTableHasOneOwningContext() throws SQLException {
        var owners = owners();
        var contexts = contexts();
        assertThat(owners).isNotEmpty().allSatisfy((table, owner) -> assertThat(contexts)
                .as("table %s: add \"COMMENT ON TABLE %s IS 'owner: <context>'\" to its migration, naming one of "
                        + "the contexts", table, table)
                .contains(owner));
    }

    @Test
    void noContextsStatementsNameAnotherContextsTables() throws SQLException, IOException {
        var owners = owners();
        var crossings = new TreeSet<String>();
        for (var context : contexts()) {
            var adapter = PERSISTENCE_SOURCES.resolve(context).resolve("adapter/persistence");
            if (!Files.isDirectory(adapter)) {
                continue;
            }
            try (Stream<Path> sources = Files.list(adapter)) {
                for (var source : sources.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                    var code = COMMENT.matcher(Files.readString(source)).replaceAll(" ");
                    var matcher = TABLE_REFERENCE.matcher(code);
                    while (matcher.find()) {
                        var table = matcher.group(1).toLowerCase();
                        var owner = owners.get(table);
                        if (owner != null && !owner.equals(context)) {
                            crossings.add(source.getFileName() + " -> " + table + " (owned by " + owner + ")");
                        }
                    }
                }
            }
        }
        assertThat(crossings).as("statements naming another context's table: reach its data through that "
                + "context's application port instead (as access's AccountMemberships and MemberAccounts do)")
                .isEmpty();
    }

    /** The contexts, as the persistence adapters' packages name them, the shared kernel aside. */
    private static List<String> contexts() {
        try (Stream<Path> packages = Files.list(PERSISTENCE_SOURCES)) {
            return packages.map(path -> path.getFileName().toString()).filter(name -> !name.equals("shared"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + PERSISTENCE_SOURCES.toAbsolutePath(), e);
        }
    }

    /** Table -> owning context, for every table of the schema but partitions and UNOWNED ones. */
    private static Map<String, String> owners() throws SQLException {
        var owners = new HashMap<String, String>();
        var unowned = new ArrayList<String>();
        try (var superuser = TestDatabase.shared().connectAsSuperuser();
                var statement = superuser.createStatement();
                var rows = statement.executeQuery("""
                        SELECT c.relname, obj_description(c.oid, 'pg_class')
                        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition""")) {
            while (rows.next()) {
                var table = rows.getString(1);
                if (UNOWNED.contains(table)) {
                    continue;
                }
                var matcher = OWNER.matcher(String.valueOf(rows.getString(2)));
                if (matcher.matches()) {
                    owners.put(table, matcher.group(1));
                } else {
                    unowned.add(table);
                }
            }
        }
        assertThat(unowned).as("tables without \"COMMENT ON TABLE <table> IS 'owner: <context>'\" in their "
                + "migration").isEmpty();
        return owners;
    }
}
