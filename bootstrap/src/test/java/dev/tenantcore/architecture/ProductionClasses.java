package dev.tenantcore.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.regex.Pattern;

/**
 * The production classes of all five Maven modules, imported once per test JVM and shared by every architecture
 * test.
 *
 * <p>Imported by package rather than with {@code DoNotIncludeJars}: in a reactor build the other modules reach
 * bootstrap's test classpath as jars ({@code domain/target/tenantcore-domain-*.jar}, ...), so excluding jars would
 * silently drop four of the five modules. {@link ImportGuardTest} proves that they are all there.
 *
 * <p>The tests are plain JUnit Jupiter tests rather than {@code @AnalyzeClasses}/{@code @ArchTest} fields because
 * Surefire 3.5.3, the version the root pom pins, silently skips {@code @ArchTest} fields (SUREFIRE-2298,
 * TNG/ArchUnit#1442; fixed in 3.5.4): the rules would show up nowhere and never fail.
 */
final class ProductionClasses {

    private ProductionClasses() {
    }

    static JavaClasses imported() {
        return Import.CLASSES;
    }

    /** Initialised on first use, by the JVM's class initialisation lock, so the import runs exactly once. */
    private static final class Import {
        static final JavaClasses CLASSES = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .withImportOption(new ExcludeTestJars())
                .withImportOption(new ExcludeMicronautGeneratedClasses())
                .importPackages(TenantcorePackages.BOOTSTRAP);
    }

    /**
     * Leaves out the test-jars of {@code domain} and {@code adapters-persistence} that bootstrap's tests depend on
     * ({@code TaskTestData}, {@code TestDatabase}, ...). {@link ImportOption.DoNotIncludeTests} only recognises
     * test-classes directories, but in a reactor build those classes arrive as {@code *-tests.jar}.
     */
    private static final class ExcludeTestJars implements ImportOption {

        private static final Pattern TEST_JAR_ENTRY = Pattern.compile(".*-tests\\.jar!/.*");

        @Override
        public boolean includes(Location location) {
            return !location.matches(TEST_JAR_ENTRY);
        }
    }

    /**
     * Leaves out what Micronaut's annotation processors write next to our classes ({@code $TaskService$Definition},
     * {@code $TaskController$Definition$Intercepted}, {@code $TaskResponse$Introspection}, ...). That code wires
     * beans and legitimately touches Micronaut, so it would fail every layer rule for code nobody wrote. Its class
     * files are recognisable by a name starting with {@code $} (percent-encoded in some URIs).
     */
    private static final class ExcludeMicronautGeneratedClasses implements ImportOption {

        private static final Pattern GENERATED_CLASS_FILE = Pattern.compile(".*/(\\$|%24)[^/]*\\.class$");

        @Override
        public boolean includes(Location location) {
            return !location.matches(GENERATED_CLASS_FILE);
        }
    }
}
