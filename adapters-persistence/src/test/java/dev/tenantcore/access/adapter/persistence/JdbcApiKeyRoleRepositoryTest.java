package dev.tenantcore.access.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.access.domain.ApiKeyRoleRepository;
import dev.tenantcore.access.domain.BuiltinRole;
import dev.tenantcore.access.domain.RoleId;
import dev.tenantcore.access.domain.RoleRepository;
import dev.tenantcore.apikeys.domain.ApiKey;
import dev.tenantcore.apikeys.domain.ApiKeyCredentials;
import dev.tenantcore.apikeys.domain.ApiKeyRepository;
import dev.tenantcore.shared.adapter.persistence.DatabasePermissions;
import dev.tenantcore.shared.adapter.persistence.DatabaseTest;
import dev.tenantcore.shared.adapter.persistence.TestOrganizations;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.Actor;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ApiKeyRoleRepository port's contract, on real PostgreSQL, as the runtime role; and that what it grants is
 * what API-key authentication then finds (find_usable_api_keys, migration V4).
 */
@MicronautTest(transactional = false)
class JdbcApiKeyRoleRepositoryTest extends DatabaseTest {

    @Inject
    ApiKeyRoleRepository apiKeyRoles;
    @Inject
    RoleRepository roles;
    @Inject
    ApiKeyRepository keys;
    @Inject
    ApiKeyCredentials credentials;
    @Inject
    TenantTransactions transactions;
    @Inject
    TestOrganizations organizations;

    OrganizationId organization;

    @BeforeEach
    void createOrganization() {
        organization = organizations.create();
    }

    private ApiKey key(OrganizationId organizationId) {
        var issued = ApiKey.issue(organizationId, "key", null, Instant.now());
        transactions.write(organizationId, () -> {
            keys.insert(issued.key());
            return null;
        });
        return issued.key();
    }

    private static Actor actor(ApiKey key) {
        return Actor.apiKey(key.id().value());
    }

    private RoleId builtin(BuiltinRole kind) {
        return transactions.read(organization, () -> roles.findBuiltin(organization, kind)).orElseThrow().id();
    }

    @Test
    void grantsRolesAndTellsEachKeysRoles() {
        var first = key(organization);
        var second = key(organization);
        var bare = key(organization);
        var viewer = builtin(BuiltinRole.VIEWER);
        var member = builtin(BuiltinRole.MEMBER);

        transactions.write(organization, () -> {
            apiKeyRoles.grant(organization, actor(first), Set.of(viewer, member));
            apiKeyRoles.grant(organization, actor(second), Set.of(viewer));
            apiKeyRoles.grant(organization, actor(second), Set.of(viewer));
            return null;
        });

        var held = transactions.read(organization,
                () -> apiKeyRoles.rolesOf(organization, List.of(first, second, bare).stream().map(
                        JdbcApiKeyRoleRepositoryTest::actor).toList()));
        assertThat(held).isEqualTo(Map.of(actor(first), Set.of(viewer, member), actor(second), Set.of(viewer),
                actor(bare), Set.of()));
    }

    @Test
    void authenticationFindsThePermissionsOfTheGrantedRoles() {
        var key = key(organization);
        transactions.write(organization, () -> {
            apiKeyRoles.grant(organization, actor(key), Set.of(builtin(BuiltinRole.VIEWER)));
            return null;
        });

        var found = credentials.findUsableByPrefix(key.prefix());

        assertThat(found).singleElement().satisfies(credential -> assertThat(credential.permissions())
                .isEqualTo(DatabasePermissions.grantedTo("viewer")));
    }

    @Test
    void anotherOrganizationsKeyShowsNoRoles() {
        var other = organizations.create();
        var theirs = key(other);
        var theirAdmin = transactions.read(other, () -> roles.findBuiltin(other, BuiltinRole.ADMIN)).orElseThrow();
        transactions.write(other, () -> {
            apiKeyRoles.grant(other, actor(theirs), Set.of(theirAdmin.id()));
            return null;
        });

        assertThat(transactions.read(organization, () -> apiKeyRoles.rolesOf(organization, List.of(actor(theirs)))))
                .isEqualTo(Map.of(actor(theirs), Set.of()));
    }

    @Test
    void onlyApiKeysHoldRolesHere() {
        assertThatThrownBy(() -> transactions.read(organization,
                () -> apiKeyRoles.rolesOf(organization, List.of(Actor.user(UserId.generate().value())))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
