package dev.tenantcore.apikeys.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.apikeys.domain.ApiKey;
import dev.tenantcore.apikeys.domain.ApiKeyId;
import dev.tenantcore.apikeys.domain.ApiKeyRepository;
import dev.tenantcore.apikeys.domain.ApiKeyToken;
import dev.tenantcore.shared.adapter.persistence.DatabaseTest;
import dev.tenantcore.shared.adapter.persistence.TestOrganizations;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.PageRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ApiKeyRepository and ApiKeyCredentials ports' contracts, on real PostgreSQL, as the runtime role. Credentials
 * are looked up through the database adapter itself, since the caching one in front of it would keep a revoked key
 * (CachingApiKeyCredentialsTest covers that one).
 */
@MicronautTest(transactional = false)
class JdbcApiKeyRepositoryTest extends DatabaseTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Inject
    ApiKeyRepository keys;
    @Inject
    JdbcApiKeyCredentials credentials;
    @Inject
    TenantTransactions transactions;
    @Inject
    TestOrganizations organizations;

    OrganizationId organization;

    @BeforeEach
    void createOrganization() {
        organization = organizations.create();
    }

    private ApiKey stored(Instant expiresAt) {
        var issued = ApiKey.issue(organization, "key", expiresAt, NOW);
        transactions.write(organization, () -> {
            keys.insert(issued.key());
            return null;
        });
        return issued.key();
    }

    @Test
    void storesAndFindsAKeyWithItsHash() {
        var key = stored(NOW.plus(1, ChronoUnit.DAYS));

        assertThat(transactions.read(organization, () -> keys.findById(organization, key.id()))).contains(key);
    }

    @Test
    void listsNewestFirstInPages() {
        var ids = new ArrayList<ApiKeyId>();
        for (int i = 0; i < 3; i++) {
            ids.add(stored(null).id());
        }

        var first = transactions.read(organization, () -> keys.list(organization, PageRequest.first(2)));
        var second = transactions.read(organization,
                () -> keys.list(organization, new PageRequest<>(first.last().id(), 2)));

        assertThat(first.hasMore()).isTrue();
        assertThat(second.hasMore()).isFalse();
        assertThat(first.items()).extracting(ApiKey::id).containsExactly(ids.get(2), ids.get(1));
        assertThat(second.items()).extracting(ApiKey::id).containsExactly(ids.get(0));
    }

    @Test
    void revocationIsWrittenOnlyOverTheCurrentVersion() {
        var key = stored(null);

        assertThat(transactions.write(organization, () -> keys.updateRevocation(key.revoked(NOW)))).isTrue();
        assertThat(transactions.write(organization, () -> keys.updateRevocation(key.revoked(NOW)))).isFalse();
        var reloaded = transactions.read(organization, () -> keys.findById(organization, key.id())).orElseThrow();
        assertThat(reloaded.revokedAt()).isEqualTo(NOW);
        assertThat(reloaded.version()).isEqualTo(2);
    }

    @Test
    void usesAreRecordedAtMostOncePerInterval() {
        var key = stored(null);

        transactions.write(organization, () -> {
            keys.recordUse(organization, key.id(), NOW);
            return null;
        });
        transactions.write(organization, () -> {
            keys.recordUse(organization, key.id(), NOW.plusSeconds(30));
            return null;
        });
        assertThat(lastUsed(key)).isEqualTo(NOW);

        transactions.write(organization, () -> {
            keys.recordUse(organization, key.id(), NOW.plusSeconds(61));
            return null;
        });
        assertThat(lastUsed(key)).isEqualTo(NOW.plusSeconds(61));
    }

    private Instant lastUsed(ApiKey key) {
        return transactions.read(organization, () -> keys.findById(organization, key.id())).orElseThrow().lastUsedAt();
    }

    @Test
    void credentialsAreFoundByPrefixWithoutATenantButOnlyWhileUsable() {
        var issued = ApiKey.issue(organization, "auth", null, NOW);
        var expiring = ApiKey.issue(organization, "expiring", NOW.plusSeconds(3600), NOW);
        transactions.write(organization, () -> {
            keys.insert(issued.key());
            keys.insert(expiring.key());
            return null;
        });

        var found = credentials.findUsableByPrefix(issued.token().prefix());
        assertThat(found).singleElement().satisfies(credential -> {
            assertThat(credential.id()).isEqualTo(issued.key().id());
            assertThat(credential.organizationId()).isEqualTo(organization);
            assertThat(issued.token().matches(credential.secretHash())).isTrue();
            assertThat(credential.expiresAt()).isNull();
        });
        assertThat(credentials.findUsableByPrefix(ApiKeyToken.generate().prefix())).isEmpty();

        transactions.write(organization, () -> keys.updateRevocation(issued.key().revoked(NOW)));
        assertThat(credentials.findUsableByPrefix(issued.token().prefix())).as("revoked").isEmpty();
        assertThat(credentials.findUsableByPrefix(expiring.token().prefix())).singleElement()
                .satisfies(credential -> assertThat(credential.expiresAt()).isEqualTo(expiring.key().expiresAt()));
    }
}
