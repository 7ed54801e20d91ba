package dev.tenantcore.apikeys.application;

import dev.tenantcore.access.application.ApiKeyRoles;
import dev.tenantcore.apikeys.domain.ApiKeyCredentials;
import dev.tenantcore.apikeys.domain.ApiKeyRepository;
import dev.tenantcore.shared.application.CurrentTenant;
import dev.tenantcore.shared.application.TenantTransactions;
import java.time.Clock;

/** Opens the package-private {@link ApiKeyService} to tests of other contexts, which use it as provisioning. */
public final class TestApiKeyServices {
    private TestApiKeyServices() {
    }

    public static ApiKeyProvisioning provisioning(ApiKeyRepository keys, ApiKeyCredentials credentials,
            ApiKeyRoles roles, TenantTransactions transactions, CurrentTenant currentTenant, Clock clock) {
        return new ApiKeyService(keys, credentials, roles, transactions, currentTenant, clock);
    }
}
