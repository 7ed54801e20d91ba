package dev.tenantcore.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static dev.tenantcore.architecture.TenantcorePackages.APPLICATION;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.tenantcore.shared.application.CurrentTenant;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every use case must do, checked in the code instead of remembered. The caller's organization comes only
 * from {@link CurrentTenant}, and a method that asks for it must first have checked one of the caller's permissions
 * ({@code currentTenant.require(...)}), or, for work on the caller's own account, that the caller is a user
 * ({@code CurrentUserService.callingUser}: any user, never an API key). A use case that forgot its check fails here,
 * whether or not some role happens to hold the permission it would have checked. Work for an organization that
 * does not come from the caller (sign-up, accepting an invitation, another context's port) takes the organization
 * as a parameter.
 */
class UseCaseRulesTest {
    private static final String CALLING_USER_OWNER = "dev.tenantcore.identity.application.CurrentUserService";

    static final ArchRule THE_CALLERS_ORGANIZATION_ONLY_AFTER_A_PERMISSION_CHECK = methods()
            .that().areDeclaredInClassesThat().resideInAPackage(APPLICATION)
            .and(callTheCallersOrganization())
            .should(checkAPermissionBefore())
            .because("a denied caller learns nothing about the target, and a use case without a check lets every "
                    + "credential in (README: \"Adding a module\")")
            .allowEmptyShould(false);

    private final JavaClasses classes = ProductionClasses.imported();

    @Test
    void theCallersOrganizationOnlyAfterAPermissionCheck() {
        THE_CALLERS_ORGANIZATION_ONLY_AFTER_A_PERMISSION_CHECK.check(classes);
    }

    private static DescribedPredicate<JavaMethod> callTheCallersOrganization() {
        return DescribedPredicate.describe("use the caller's organization (CurrentTenant.organizationId())",
                method -> firstLineCalling(method, CurrentTenant.class.getName(), "organizationId").isPresent());
    }

    private static ArchCondition<JavaMethod> checkAPermissionBefore() {
        return new ArchCondition<>("call CurrentTenant.require(permission), or CurrentUserService.callingUser for the "
                + "caller's own account, before CurrentTenant.organizationId()") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                var organization = firstLineCalling(method, CurrentTenant.class.getName(), "organizationId")
                        .orElseThrow();
                var gate = IntStream.concat(
                        firstLineCalling(method, CurrentTenant.class.getName(), "require").stream(),
                        firstLineCalling(method, CALLING_USER_OWNER, "callingUser").stream()).min();
                var satisfied = gate.isPresent() && gate.getAsInt() <= organization;
                events.add(new SimpleConditionEvent(method, satisfied, method.getFullName()
                        + " uses CurrentTenant.organizationId() (" + method.getOwner().getSimpleName() + ".java:"
                        + organization + ") without calling currentTenant.require(<the permission it needs>) first"));
            }
        };
    }

    private static OptionalInt firstLineCalling(JavaMethod method, String owner, String name) {
        return method.getMethodCallsFromSelf().stream()
                .filter(call -> call.getTargetOwner().getName().equals(owner))
                .filter(call -> call.getName().equals(name))
                .mapToInt(JavaMethodCall::getLineNumber)
                .min();
    }
}
