package dev.tenantcore.apikeys.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.apikeys.domain.ApiKey;
import dev.tenantcore.apikeys.domain.ApiKeyCredentials;
import dev.tenantcore.apikeys.domain.ApiKeyRepository;
import dev.tenantcore.apikeys.domain.IssuedApiKey;
import dev.tenantcore.shared.adapter.persistence.DatabaseTest;
import dev.tenantcore.shared.adapter.persistence.TestOrganizations;
import dev.tenantcore.shared.application.PermissionChanges;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.OrganizationId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lookup authentication is given (the primary ApiKeyCredentials) keeps found keys until forgotten. Changes are
 * made behind its back, straight through the repository, to show what it kept and when it reads again.
 */
@MicronautTest(transactional = false)
class CachingApiKeyCredentialsTest extends DatabaseTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Inject
    ApiKeyCredentials credentials;
    @Inject
    JdbcApiKeyCredentials database;
    @Inject
    ApiKeyRepository keys;
    @Inject
    PermissionChanges permissionChanges;
    @Inject
    TenantTransactions transactions;
    @Inject
    TestOrganizations organizations;

    OrganizationId organization;

    @BeforeEach
    void createOrganization() {
        organization = organizations.create();
    }

    @Test
    void theLookupAuthenticationIsGivenIsTheCachingOne() {
        assertThat(credentials).isInstanceOf(CachingApiKeyCredentials.class);
    }

    @Test
    void aFoundKeyIsKeptUntilForgotten() {
        var issued = stored();
        var prefix = issued.token().prefix();
        assertThat(credentials.findUsableByPrefix(prefix)).hasSize(1);

        revoke(issued.key());

        assertThat(credentials.findUsableByPrefix(prefix)).as("kept").hasSize(1);
        assertThat(database.findUsableByPrefix(prefix)).as("the database's answer").isEmpty();
        credentials.forget(prefix);
        assertThat(credentials.findUsableByPrefix(prefix)).as("read again after forget").isEmpty();
    }

    @Test
    void anUnknownPrefixIsNotKept() {
        var issued = ApiKey.issue(organization, "late", null, NOW);
        assertThat(credentials.findUsableByPrefix(issued.token().prefix())).as("not stored yet").isEmpty();

        insert(issued);

        assertThat(credentials.findUsableByPrefix(issued.token().prefix())).hasSize(1);
    }

    @Test
    void forgettingOnePrefixKeepsTheOthers() {
        var first = stored();
        var second = stored();
        credentials.findUsableByPrefix(first.token().prefix());
        credentials.findUsableByPrefix(second.token().prefix());
        revoke(first.key());
        revoke(second.key());

        credentials.forget(first.token().prefix());

        assertThat(credentials.findUsableByPrefix(first.token().prefix())).isEmpty();
        assertThat(credentials.findUsableByPrefix(second.token().prefix())).hasSize(1);
    }

    @Test
    void aPermissionChangeForgetsTheKeysOfThatOrganizationOnly() {
        var other = organizations.create();
        var mine = stored();
        var theirs = ApiKey.issue(other, "theirs", null, NOW);
        transactions.write(other, () -> {
            keys.insert(theirs.key());
            return null;
        });
        credentials.findUsableByPrefix(mine.token().prefix());
        credentials.findUsableByPrefix(theirs.token().prefix());
        revoke(mine.key());
        transactions.write(other, () -> keys.updateRevocation(theirs.key().revoked(NOW)));

        permissionChanges.changedIn(organization);

        assertThat(credentials.findUsableByPrefix(mine.token().prefix())).as("read again").isEmpty();
        assertThat(credentials.findUsableByPrefix(theirs.token().prefix())).as("still kept").hasSize(1);
    }

    @Test
    void aZeroTimeToLiveKeepsNothing() {
        var passThrough = new CachingApiKeyCredentials(database, Duration.ZERO);
        var issued = stored();
        assertThat(passThrough.findUsableByPrefix(issued.token().prefix())).hasSize(1);

        revoke(issued.key());

        assertThat(passThrough.findUsableByPrefix(issued.token().prefix())).isEmpty();
    }

    @Test
    void aKeptKeyIsReadAgainAfterItsTimeToLive() throws InterruptedException {
        var shortLived = new CachingApiKeyCredentials(database, Duration.ofMillis(50));
        var issued = stored();
        assertThat(shortLived.findUsableByPrefix(issued.token().prefix())).hasSize(1);
        revoke(issued.key());

        Thread.sleep(200);

        assertThat(shortLived.findUsableByPrefix(issued.token().prefix())).isEmpty();
    }

    @Test
    void aNegativeTimeToLiveIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new CachingApiKeyCredentials(database, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("api-key-cache-ttl");
    }

    private IssuedApiKey stored() {
        var issued = ApiKey.issue(organization, "kept", null, NOW);
        insert(issued);
        return issued;
    }

    private void insert(IssuedApiKey issued) {
        transactions.write(organization, () -> {
            keys.insert(issued.key());
            return null;
        });
    }

    private void revoke(ApiKey key) {
        transactions.write(organization, () -> keys.updateRevocation(key.revoked(NOW)));
    }
}
