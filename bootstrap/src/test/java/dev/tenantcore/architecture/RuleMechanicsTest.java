package dev.tenantcore.architecture;

import static dev.tenantcore.architecture.ContextRulesTest.CONTEXTS_USE_EACH_OTHER_ONLY_THROUGH_DOMAIN_OR_APPLICATION;
import static dev.tenantcore.architecture.LayerRulesTest.DOMAIN_DEPENDS_ONLY_ON_THE_JDK_AND_DOMAIN_CLASSES;
import static dev.tenantcore.architecture.LayerRulesTest.DOMAIN_DOES_NOT_USE_BEAN_VALIDATION;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.tenantcore.architecture.fixture.adapter.web.CompliantWebAdapter;
import dev.tenantcore.architecture.fixture.adapter.web.WebAdapterUsingAnotherContextsAdapter;
import dev.tenantcore.architecture.fixture.adapter.web.WebAdapterUsingSharedPersistenceAdapter;
import dev.tenantcore.architecture.fixture.domain.CompliantDomainClass;
import dev.tenantcore.architecture.fixture.domain.DomainClassUsingBeanValidation;
import dev.tenantcore.architecture.fixture.domain.DomainClassUsingMicronaut;
import org.junit.jupiter.api.Test;

/**
 * Negative controls: a green architecture suite only means something if its rules can go red. Each rule is fed a
 * deliberately violating class from {@code fixture} (test sources, imported explicitly here and kept out of the
 * production import by {@code DoNotIncludeTests}) and must report it, while a compliant fixture must pass: the
 * rules tell good from bad rather than failing or passing everything. The fixtures are public only so that this
 * test, in the parent package, can name them.
 */
class RuleMechanicsTest {

    @Test
    void domainRuleRejectsADomainClassThatUsesMicronaut() {
        EvaluationResult result =
                evaluate(DOMAIN_DEPENDS_ONLY_ON_THE_JDK_AND_DOMAIN_CLASSES, DomainClassUsingMicronaut.class);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(detail -> detail.contains("io.micronaut.core.util.StringUtils"));
    }

    @Test
    void domainRulesRejectADomainClassThatUsesBeanValidation() {
        assertThat(evaluate(DOMAIN_DOES_NOT_USE_BEAN_VALIDATION, DomainClassUsingBeanValidation.class).hasViolation())
                .isTrue();
        assertThat(evaluate(DOMAIN_DEPENDS_ONLY_ON_THE_JDK_AND_DOMAIN_CLASSES, DomainClassUsingBeanValidation.class)
                        .hasViolation())
                .isTrue();
    }

    @Test
    void domainRulesAcceptADomainClassThatUsesOnlyTheJdkAndTheDomain() {
        assertThat(evaluate(DOMAIN_DEPENDS_ONLY_ON_THE_JDK_AND_DOMAIN_CLASSES, CompliantDomainClass.class)
                        .hasViolation())
                .isFalse();
        assertThat(evaluate(DOMAIN_DOES_NOT_USE_BEAN_VALIDATION, CompliantDomainClass.class).hasViolation())
                .isFalse();
    }

    @Test
    void contextRuleRejectsAClassThatUsesAnotherContextsAdapter() {
        EvaluationResult result = evaluate(
                CONTEXTS_USE_EACH_OTHER_ONLY_THROUGH_DOMAIN_OR_APPLICATION,
                WebAdapterUsingAnotherContextsAdapter.class);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(detail -> detail.contains("dev.tenantcore.tasks.adapter.web.TaskResponse"));
    }

    @Test
    void contextRuleRejectsAWebAdapterThatUsesTheSharedPersistenceAdapter() {
        EvaluationResult result = evaluate(
                CONTEXTS_USE_EACH_OTHER_ONLY_THROUGH_DOMAIN_OR_APPLICATION,
                WebAdapterUsingSharedPersistenceAdapter.class);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(detail -> detail.contains("dev.tenantcore.shared.adapter.persistence.TenantSession"));
    }

    @Test
    void contextRuleAcceptsOtherContextsDomainAndApplicationAndTheSharedAdapterOfTheSameKind() {
        assertThat(evaluate(CONTEXTS_USE_EACH_OTHER_ONLY_THROUGH_DOMAIN_OR_APPLICATION, CompliantWebAdapter.class)
                        .hasViolation())
                .isFalse();
    }

    private static EvaluationResult evaluate(ArchRule rule, Class<?> fixture) {
        return rule.evaluate(new ClassFileImporter().importClasses(fixture));
    }
}
