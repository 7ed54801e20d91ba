package dev.tenantcore.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static dev.tenantcore.architecture.TenantcorePackages.ANY_ADAPTER;
import static dev.tenantcore.architecture.TenantcorePackages.APPLICATION;
import static dev.tenantcore.architecture.TenantcorePackages.BOOTSTRAP;
import static dev.tenantcore.architecture.TenantcorePackages.DOMAIN;
import static dev.tenantcore.architecture.TenantcorePackages.PERSISTENCE_ADAPTER;
import static dev.tenantcore.architecture.TenantcorePackages.WEB_ADAPTER;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The hexagon (README: "Layout and the dependency rule"). The Maven modules keep the direction only as long as
 * nobody adds a dependency to a pom; these rules hold regardless of the poms, and they cover what modules cannot, such as bootstrap.
 *
 * <p>Every rule states {@code allowEmptyShould(false)} although it is ArchUnit's default: a rule whose
 * {@code that()} matches nothing then fails instead of passing forever, even if someone adds an
 * {@code archunit.properties} that relaxes the default.
 *
 * <p>MapStruct's generated {@code *Impl} classes are deliberately part of the import: they live in their mapper's
 * adapter package and depend only on what the mapper maps, so no rule misfires on them, and a mapper that drags in
 * a forbidden type should be reported.
 */
class LayerRulesTest {

    static final ArchRule DOMAIN_DEPENDS_ONLY_ON_THE_JDK_AND_DOMAIN_CLASSES = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN)
            .because("the domain is plain Java: no Micronaut, jakarta, javax or other library")
            .allowEmptyShould(false);

    static final ArchRule APPLICATION_DEPENDS_ONLY_ON_THE_JDK_INJECTION_TRANSACTIONS_AND_INNER_LAYERS = classes()
            .that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..", "jakarta.inject..", "jakarta.transaction..", DOMAIN, APPLICATION)
            .because("use cases are framework-neutral apart from injection and the transaction boundary")
            .allowEmptyShould(false);

    static final ArchRule DOMAIN_AND_APPLICATION_DO_NOT_DEPEND_ON_ADAPTERS = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().dependOnClassesThat().resideInAPackage(ANY_ADAPTER)
            .because("dependencies point inwards: adapters implement ports, never the other way round")
            .allowEmptyShould(false);

    static final ArchRule PERSISTENCE_ADAPTERS_DO_NOT_DEPEND_ON_WEB_ADAPTERS = noClasses()
            .that().resideInAPackage(PERSISTENCE_ADAPTER)
            .should().dependOnClassesThat().resideInAPackage(WEB_ADAPTER)
            .because("the two adapter kinds meet only through the application layer")
            .allowEmptyShould(false);

    static final ArchRule WEB_ADAPTERS_DO_NOT_DEPEND_ON_PERSISTENCE_ADAPTERS = noClasses()
            .that().resideInAPackage(WEB_ADAPTER)
            .should().dependOnClassesThat().resideInAPackage(PERSISTENCE_ADAPTER)
            .because("controllers reach data through use cases, never through rows or JDBC repositories")
            .allowEmptyShould(false);

    static final ArchRule NOTHING_DEPENDS_ON_BOOTSTRAP = noClasses()
            .that().resideOutsideOfPackage(BOOTSTRAP)
            .should().dependOnClassesThat().resideInAPackage(BOOTSTRAP)
            .because("bootstrap wires everything together, so nothing may depend on it")
            .allowEmptyShould(false);

    /** Without this, a class in an unforeseen package (say {@code tasks.infra}) would escape every layer rule. */
    static final ArchRule EVERY_CLASS_LIVES_IN_BOOTSTRAP_OR_A_CONTEXT_LAYER = classes()
            .should().resideInAnyPackage(
                    BOOTSTRAP,
                    "dev.tenantcore.*.domain..",
                    "dev.tenantcore.*.application..",
                    "dev.tenantcore.*.adapter.persistence..",
                    "dev.tenantcore.*.adapter.web..")
            .because("packages are dev.tenantcore.<context>.<layer> and the layer rules only see known layers")
            .allowEmptyShould(false);

    static final ArchRule MAPSTRUCT_MAPPERS_LIVE_IN_ADAPTERS = classes()
            .that().areAnnotatedWith("org.mapstruct.Mapper")
            .should().resideInAPackage(ANY_ADAPTER)
            .because("mapping between the domain and rows or DTOs is an adapter concern (STYLE.md, MapStruct)")
            .allowEmptyShould(false);

    static final ArchRule DOMAIN_DOES_NOT_USE_BEAN_VALIDATION = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.validation..", "javax.validation..")
            .because("validate at the edge, guard in the domain: invariants are plain exceptions (STYLE.md)")
            .allowEmptyShould(false);

    private final JavaClasses classes = ProductionClasses.imported();

    @Test
    void domainDependsOnlyOnTheJdkAndDomainClasses() {
        DOMAIN_DEPENDS_ONLY_ON_THE_JDK_AND_DOMAIN_CLASSES.check(classes);
    }

    @Test
    void applicationDependsOnlyOnTheJdkInjectionTransactionsAndInnerLayers() {
        APPLICATION_DEPENDS_ONLY_ON_THE_JDK_INJECTION_TRANSACTIONS_AND_INNER_LAYERS.check(classes);
    }

    @Test
    void domainAndApplicationDoNotDependOnAdapters() {
        DOMAIN_AND_APPLICATION_DO_NOT_DEPEND_ON_ADAPTERS.check(classes);
    }

    @Test
    void persistenceAdaptersDoNotDependOnWebAdapters() {
        PERSISTENCE_ADAPTERS_DO_NOT_DEPEND_ON_WEB_ADAPTERS.check(classes);
    }

    @Test
    void webAdaptersDoNotDependOnPersistenceAdapters() {
        WEB_ADAPTERS_DO_NOT_DEPEND_ON_PERSISTENCE_ADAPTERS.check(classes);
    }

    @Test
    void nothingDependsOnBootstrap() {
        NOTHING_DEPENDS_ON_BOOTSTRAP.check(classes);
    }

    @Test
    void everyClassLivesInBootstrapOrAContextLayer() {
        EVERY_CLASS_LIVES_IN_BOOTSTRAP_OR_A_CONTEXT_LAYER.check(classes);
    }

    @Test
    void mapstructMappersLiveInAdapters() {
        MAPSTRUCT_MAPPERS_LIVE_IN_ADAPTERS.check(classes);
    }

    @Test
    void domainDoesNotUseBeanValidation() {
        DOMAIN_DOES_NOT_USE_BEAN_VALIDATION.check(classes);
    }
}
