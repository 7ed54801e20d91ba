package dev.tenantcore.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static dev.tenantcore.architecture.TenantcorePackages.ANY_CONTEXT;
import static dev.tenantcore.architecture.TenantcorePackages.SHARED_DOMAIN;
import static dev.tenantcore.architecture.TenantcorePackages.SHARED_KERNEL;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Bounded contexts ({@code dev.tenantcore.<context>}) stay modules inside the monolith: in Java they talk only
 * through each other's application ports and the domain values those ports return (organizations' sign-up hands out
 * an apikeys {@code IssuedApiKey}), never through rows, controllers or repositories of another context
 * (README: "Layout and the dependency rule"; ddd-by-examples' ModularArchitectureTest, spring-modulith's verification).
 * These rules see classes, not SQL: {@code TableOwnershipTest} checks that no context's statements name another
 * context's tables.
 */
class ContextRulesTest {

    private static final String ROOT_PACKAGE_PREFIX = "dev.tenantcore.";
    private static final String SHARED_CONTEXT = "shared";

    static final ArchRule CONTEXTS_ARE_FREE_OF_CYCLES = slices()
            .matching("dev.tenantcore.(*)..")
            .should().beFreeOfCycles()
            .because("a cycle between contexts means they can no longer be understood, changed or split apart alone")
            .allowEmptyShould(false);

    static final ArchRule CONTEXTS_USE_EACH_OTHER_ONLY_THROUGH_DOMAIN_OR_APPLICATION = classes()
            .that().resideInAPackage(ANY_CONTEXT)
            .should(reachOtherContextsOnlyThroughTheirDomainOrApplication())
            .allowEmptyShould(false);

    /**
     * Aggregates refer to other aggregates by id only, and the one id every context needs, {@code OrganizationId},
     * lives in the shared kernel; a context's domain therefore needs nothing from another context's domain.
     */
    static final ArchRule DOMAINS_OF_DIFFERENT_CONTEXTS_ARE_INDEPENDENT = slices()
            .matching("dev.tenantcore.(*).domain..")
            .should().notDependOnEachOther()
            .ignoreDependency(alwaysTrue(), resideInAPackage(SHARED_DOMAIN))
            .because("contexts share only the kernel in dev.tenantcore.shared.domain")
            .allowEmptyShould(false);

    static final ArchRule SHARED_KERNEL_DEPENDS_ON_NO_OTHER_CONTEXT = noClasses()
            .that().resideInAPackage(SHARED_KERNEL)
            .should().dependOnClassesThat(resideInAPackage(ANY_CONTEXT).and(resideOutsideOfPackage(SHARED_KERNEL)))
            .because("every context may use the shared kernel, so the kernel must not know any context")
            .allowEmptyShould(false);

    private final JavaClasses classes = ProductionClasses.imported();

    @Test
    void contextsAreFreeOfCycles() {
        CONTEXTS_ARE_FREE_OF_CYCLES.check(classes);
    }

    @Test
    void contextsUseEachOtherOnlyThroughDomainOrApplication() {
        CONTEXTS_USE_EACH_OTHER_ONLY_THROUGH_DOMAIN_OR_APPLICATION.check(classes);
    }

    @Test
    void domainsOfDifferentContextsAreIndependent() {
        DOMAINS_OF_DIFFERENT_CONTEXTS_ARE_INDEPENDENT.check(classes);
    }

    @Test
    void sharedKernelDependsOnNoOtherContext() {
        SHARED_KERNEL_DEPENDS_ON_NO_OTHER_CONTEXT.check(classes);
    }

    private static ArchCondition<JavaClass> reachOtherContextsOnlyThroughTheirDomainOrApplication() {
        return new ArchCondition<>("reach other contexts only through their domain or application packages,"
                + " or through the shared adapter of their own adapter kind") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                ContextLocation from = ContextLocation.of(origin).orElseThrow();
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    ContextLocation.of(dependency.getTargetClass())
                            .filter(to -> !from.mayUse(to))
                            .ifPresent(to -> events.add(SimpleConditionEvent.violated(dependency,
                                    "%s: context '%s' reaches into the %s of context '%s'".formatted(
                                            dependency.getDescription(), from.context(), to.layer(), to.context()))));
                }
            }
        };
    }

    /** Where a class sits: its context (the package segment after dev.tenantcore) and its layer within it. */
    private record ContextLocation(String context, Layer layer) {

        static Optional<ContextLocation> of(JavaClass javaClass) {
            String packageName = javaClass.getPackageName();
            if (!packageName.startsWith(ROOT_PACKAGE_PREFIX)) {
                return Optional.empty();
            }
            String belowRoot = packageName.substring(ROOT_PACKAGE_PREFIX.length());
            int endOfContext = belowRoot.indexOf('.');
            return endOfContext < 0
                    ? Optional.of(new ContextLocation(belowRoot, Layer.UNKNOWN))
                    : Optional.of(new ContextLocation(
                            belowRoot.substring(0, endOfContext), Layer.of(belowRoot.substring(endOfContext + 1))));
        }

        boolean mayUse(ContextLocation target) {
            if (target.context.equals(context) || target.layer.isPublishedToOtherContexts()) {
                return true;
            }
            // The shared adapters are infrastructure for every context's adapter of the same kind
            // (tasks.adapter.web -> shared.adapter.web); a web adapter has no business with shared persistence.
            return target.context.equals(SHARED_CONTEXT) && target.layer.isAdapter() && target.layer == layer;
        }
    }

    private enum Layer {
        DOMAIN("domain"),
        APPLICATION("application"),
        PERSISTENCE_ADAPTER("adapter.persistence"),
        WEB_ADAPTER("adapter.web"),
        UNKNOWN("unrecognised layer");

        private final String packageName;

        Layer(String packageName) {
            this.packageName = packageName;
        }

        /** Found anywhere below the context, like the {@code ..domain..}-style patterns of {@link LayerRulesTest}. */
        static Layer of(String packageBelowContext) {
            String enclosed = "." + packageBelowContext + ".";
            return Arrays.stream(values())
                    .filter(layer -> layer != UNKNOWN && enclosed.contains("." + layer.packageName + "."))
                    .findFirst()
                    .orElse(UNKNOWN);
        }

        boolean isPublishedToOtherContexts() {
            return this == DOMAIN || this == APPLICATION;
        }

        boolean isAdapter() {
            return this == PERSISTENCE_ADAPTER || this == WEB_ADAPTER;
        }

        @Override
        public String toString() {
            return packageName;
        }
    }
}
