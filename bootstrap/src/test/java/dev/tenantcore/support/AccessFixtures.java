package dev.tenantcore.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.access.application.ApiKeyRoles;
import dev.tenantcore.access.application.MemberProvisioning;
import dev.tenantcore.shared.adapter.persistence.TestPeople;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.Actor;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.UUID;

/**
 * Members and keys with roles for end-to-end tests. People join through the service's own provisioning, as
 * sign-up and invitations make them join; keys are created through the API by the tenant's first (admin) key,
 * except owner keys: only an owner may create one, so the first is granted the way sign-up grants roles.
 */
@Singleton
public final class AccessFixtures {
    private final TestPeople people;
    private final MemberProvisioning members;
    private final ApiKeyRoles apiKeyRoles;
    private final TenantTransactions transactions;

    AccessFixtures(TestPeople people, MemberProvisioning members, ApiKeyRoles apiKeyRoles,
            TenantTransactions transactions) {
        this.people = people;
        this.members = members;
        this.apiKeyRoles = apiKeyRoles;
        this.transactions = transactions;
    }

    /** A new person, made an active member of the tenant holding {@code roles}; their user id. */
    public UUID member(Tenant tenant, String name, String displayNameOrNull, String... roles) {
        var organizationId = new OrganizationId(tenant.organizationId());
        var userId = people.create(organizationId, name, displayNameOrNull);
        members.addMember(organizationId, userId, Set.of(roles));
        return userId.value();
    }

    public static String emailOf(String name, UUID userId) {
        return TestPeople.emailOf(name, new UserId(userId));
    }

    /** Another key of the tenant, acting with {@code roles}, issued through the API by the tenant's first key. */
    public Tenant key(ApiClient api, Tenant tenant, String... roles) {
        var body = "{\"name\":\"" + String.join("+", roles) + "\",\"roles\":[\""
                + String.join("\",\"", roles) + "\"]}";
        var created = api.post("/v1/api-keys", body, tenant.auth());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Tenant(tenant.organizationId(), tenant.slug(), UUID.fromString(created.string("id")),
                created.string("token"));
    }

    /** A key holding the owner role. */
    public Tenant ownerKey(ApiClient api, Tenant tenant) {
        var key = key(api, tenant, "admin");
        var organizationId = new OrganizationId(tenant.organizationId());
        transactions.write(organizationId, () -> apiKeyRoles.grant(organizationId,
                Actor.apiKey(key.apiKeyId()), Set.of("owner")));
        return key;
    }
}
