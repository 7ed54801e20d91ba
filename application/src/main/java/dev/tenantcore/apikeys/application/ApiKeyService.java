package dev.tenantcore.apikeys.application;

import dev.tenantcore.access.application.ApiKeyRoles;
import dev.tenantcore.apikeys.domain.ApiKey;
import dev.tenantcore.apikeys.domain.ApiKeyCredential;
import dev.tenantcore.apikeys.domain.ApiKeyCredentials;
import dev.tenantcore.apikeys.domain.ApiKeyId;
import dev.tenantcore.apikeys.domain.ApiKeyPermissions;
import dev.tenantcore.apikeys.domain.ApiKeyRepository;
import dev.tenantcore.apikeys.domain.ApiKeyToken;
import dev.tenantcore.apikeys.domain.IssuedApiKey;
import dev.tenantcore.shared.application.CurrentTenant;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.Actor;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.ExpectedVersion;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.shared.domain.ResourceNotFoundException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

@Singleton
final class ApiKeyService implements IssueApiKeyUseCase, ApiKeyProvisioning, ListApiKeysUseCase, RevokeApiKeyUseCase,
        AuthenticateApiKeyUseCase {

    private static final System.Logger LOG = System.getLogger(ApiKeyService.class.getName());
    /** See {@link ApiKeyProvisioning#issueFor}: the first key must be able to set the organization up. */
    static final Set<String> PROVISIONED_ROLES = Set.of("admin");

    private final ApiKeyRepository keys;
    private final ApiKeyCredentials credentials;
    private final ApiKeyRoles roles;
    private final TenantTransactions transactions;
    private final CurrentTenant currentTenant;
    private final Clock clock;

    ApiKeyService(ApiKeyRepository keys, ApiKeyCredentials credentials, ApiKeyRoles roles,
            TenantTransactions transactions, CurrentTenant currentTenant, Clock clock) {
        this.keys = keys;
        this.credentials = credentials;
        this.roles = roles;
        this.transactions = transactions;
        this.currentTenant = currentTenant;
        this.clock = clock;
    }

    @Override
    public IssuedApiKeyWithRoles issue(IssueApiKeyCommand command) {
        currentTenant.require(ApiKeyPermissions.MANAGE);
        var organizationId = currentTenant.organizationId();
        var issued = ApiKey.issue(organizationId, command.name(), command.expiresAtOrNull(), clock.instant());
        return transactions.write(organizationId, () -> {
            keys.insert(issued.key());
            // Refused roles throw here and roll the key back with them: no key without its roles.
            var granted = roles.grantAsCaller(organizationId, actor(issued.key().id()), command.roleNames());
            return new IssuedApiKeyWithRoles(issued, granted);
        });
    }

    @Override
    public IssuedApiKey issueFor(OrganizationId organizationId, String name) {
        var issued = ApiKey.issue(organizationId, name, null, clock.instant());
        return transactions.write(organizationId, () -> {
            keys.insert(issued.key());
            roles.grant(organizationId, actor(issued.key().id()), PROVISIONED_ROLES);
            return issued;
        });
    }

    @Override
    public Page<ApiKeyWithRoles> list(PageRequest<ApiKeyId> page) {
        currentTenant.require(ApiKeyPermissions.READ);
        var organizationId = currentTenant.organizationId();
        return transactions.read(organizationId, () -> {
            var found = keys.list(organizationId, page);
            var names = roles.roleNamesOf(organizationId,
                    found.items().stream().map(key -> actor(key.id())).toList());
            return new Page<>(found.items().stream()
                    .map(key -> new ApiKeyWithRoles(key, names.get(actor(key.id()))))
                    .toList(), found.hasMore());
        });
    }

    @Override
    public void revoke(ApiKeyId id, ExpectedVersion expectedVersion) {
        currentTenant.require(ApiKeyPermissions.MANAGE);
        var organizationId = currentTenant.organizationId();
        var prefix = transactions.write(organizationId, () -> {
            var key = keys.findById(organizationId, id).orElseThrow(() -> new ResourceNotFoundException("api key"));
            if (key.isRevoked()) {
                return key.prefix(); // a retried revocation (same If-Match, now stale) must stay harmless
            }
            expectedVersion.check(key.version());
            if (!keys.updateRevocation(key.revoked(clock.instant()))) {
                var current = keys.findById(organizationId, id);
                if (current.isEmpty() || !current.get().isRevoked()) {
                    throw new ConflictException("the api key was changed concurrently; retry");
                }
            }
            return key.prefix();
        });
        // After the commit: forgotten earlier, a concurrent request could keep the unrevoked key again.
        credentials.forget(prefix);
    }

    @Override
    public Optional<ApiKeyPrincipal> authenticate(String presentedToken) {
        var token = ApiKeyToken.parse(presentedToken);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        var now = clock.instant();
        var prefix = token.get().prefix();
        return credentials.findUsableByPrefix(prefix).stream()
                .filter(credential -> credential.isUnexpiredAt(now)) // it may have been kept since it was usable
                .filter(credential -> token.get().matches(credential.secretHash()))
                .findFirst()
                .map(credential -> {
                    if (credential.usageIsStale(now)) {
                        recordUse(credential, now);
                        // A kept copy still holds the old lastUsedAt: every request would record the use again.
                        credentials.forget(prefix);
                    }
                    return new ApiKeyPrincipal(credential.organizationId(), credential.id(),
                            credential.permissions());
                });
    }

    /** How other contexts name a key: the access context keeps its roles. */
    private static Actor actor(ApiKeyId id) {
        return Actor.apiKey(id.value());
    }

    /** Best effort: lastUsedAt is informational, so failing to record it must not turn a valid key away. */
    private void recordUse(ApiKeyCredential credential, Instant now) {
        try {
            transactions.write(credential.organizationId(), () -> {
                keys.recordUse(credential.organizationId(), credential.id(), now);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not record the use of API key {0}: {1}", credential.id(),
                    e.getMessage());
        }
    }
}
