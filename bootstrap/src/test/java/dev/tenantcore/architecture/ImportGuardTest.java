package dev.tenantcore.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rules over an import that lacks a module pass for the wrong reason (STYLE.md, "Rules that can fail"). These
 * checks make a broken import - a module missing from the classpath, an import option that drops too much or too
 * little - fail loudly before anyone trusts the rules.
 */
class ImportGuardTest {

    private final JavaClasses classes = ProductionClasses.imported();

    @Test
    void importHoldsProductionClassesOfEveryMavenModule() {
        assertThat(namesOf(classes))
                .as("one known production class per Maven module")
                .contains(
                        "dev.tenantcore.tasks.domain.Task", // domain
                        "dev.tenantcore.tasks.application.TaskService", // application
                        "dev.tenantcore.tasks.application.CreateTaskUseCase", // application
                        "dev.tenantcore.tasks.adapter.persistence.JdbcTaskRepository", // adapters-persistence
                        "dev.tenantcore.tasks.adapter.web.TaskController", // adapters-web
                        "dev.tenantcore.Application"); // bootstrap
    }

    @ParameterizedTest
    @ValueSource(strings = {
        TenantcorePackages.BOOTSTRAP,
        TenantcorePackages.DOMAIN,
        TenantcorePackages.APPLICATION,
        TenantcorePackages.PERSISTENCE_ADAPTER,
        TenantcorePackages.WEB_ADAPTER
    })
    void everyLayerHasImportedClasses(String layer) {
        assertThat(classes.that(resideInAPackage(layer))).as("classes in %s", layer).isNotEmpty();
    }

    @Test
    void everyKnownContextHasImportedClasses() {
        Set<String> contexts = classes.stream()
                .map(JavaClass::getPackageName)
                .filter(name -> name.startsWith(TenantcorePackages.BOOTSTRAP + "."))
                .map(name -> name.split("\\.")[2])
                .collect(Collectors.toSet());

        assertThat(contexts).contains("shared", "organizations", "apikeys", "tasks");
    }

    @Test
    void importLeavesOutMicronautGeneratedClasses() {
        assertThat(namesOf(classes))
                .as("$...$Definition, $...$Introspection and the like")
                .noneMatch(name -> name.substring(name.lastIndexOf('.') + 1).startsWith("$"));
    }

    @Test
    void importLeavesOutTestClassesIncludingThoseOfTheTestJars() {
        assertThat(namesOf(classes))
                .doesNotContain(
                        "dev.tenantcore.tasks.domain.TaskTestData", // domain test-jar
                        "dev.tenantcore.shared.adapter.persistence.TestDatabase") // adapters-persistence test-jar
                .noneMatch(name -> name.startsWith("dev.tenantcore.architecture."))
                .noneMatch(name -> name.endsWith("Test"));
    }

    private static Set<String> namesOf(JavaClasses classes) {
        return classes.stream().map(JavaClass::getName).collect(Collectors.toSet());
    }
}
