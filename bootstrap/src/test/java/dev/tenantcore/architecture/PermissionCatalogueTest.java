package dev.tenantcore.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import dev.tenantcore.shared.adapter.persistence.DatabasePermissions;
import dev.tenantcore.shared.domain.Permission;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Permissions belong to their context: each declares its own as constants in its domain package (TaskPermissions,
 * ...) and catalogues them in its own migration. The code and the database's catalogue must name the same ones.
 */
class PermissionCatalogueTest {

    private final List<JavaField> declared = ProductionClasses.imported().stream()
            .flatMap(type -> type.getFields().stream())
            .filter(field -> field.getRawType().isEquivalentTo(Permission.class))
            .filter(field -> field.getModifiers().contains(JavaModifier.STATIC))
            .toList();

    @Test
    void eachContextDeclaresItsPermissionsInItsOwnDomainPackage() {
        assertThat(declared).isNotEmpty().allSatisfy(field -> assertThat(field.getOwner().getPackageName())
                .as("%s: a permission is declared by its context's domain package, never the shared kernel",
                        field.getFullName())
                .matches("dev\\.tenantcore\\.\\w+\\.domain")
                .doesNotStartWith("dev.tenantcore.shared"));
    }

    @Test
    void theCodeDeclaresExactlyThePermissionsTheMigrationsCatalogue() throws ReflectiveOperationException {
        Set<Permission> inCode = new HashSet<>();
        for (var field : declared) {
            inCode.add((Permission) field.reflect().get(null));
        }
        assertThat(inCode).as("permissions declared in code (left) and in the table permissions (right): add the "
                + "missing ones to the context's XxxPermissions class or to its migration's INSERT INTO permissions")
                .containsExactlyInAnyOrderElementsOf(DatabasePermissions.catalogue());
    }
}
