package dev.tenantcore.apikeys.domain;

import static dev.tenantcore.apikeys.domain.ApiKeyTestData.anApiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyTest {

    private static final Instant NOW = Instant.parse("2026-02-03T04:05:06Z");

    @Test
    void issueCreatesAFreshKeyForTheOrganization() {
        OrganizationId organizationId = OrganizationId.generate();
        Instant expiresAt = NOW.plus(Duration.ofDays(30));

        IssuedApiKey issued = ApiKey.issue(organizationId, "  CI pipeline ", expiresAt, NOW);

        ApiKey key = issued.key();
        assertThat(key.organizationId()).isEqualTo(organizationId);
        assertThat(key.name()).isEqualTo("CI pipeline");
        assertThat(key.expiresAt()).isEqualTo(expiresAt);
        assertThat(key.revokedAt()).isNull();
        assertThat(key.isRevoked()).isFalse();
        assertThat(key.lastUsedAt()).isNull();
        assertThat(key.version()).isEqualTo(1);
        assertThat(key.createdAt()).isEqualTo(NOW);
        assertThat(key.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void issuedKeyStoresTheTokensPrefixAndHashOnly() {
        IssuedApiKey issued = ApiKey.issue(OrganizationId.generate(), "CI pipeline", null, NOW);

        assertThat(issued.key().prefix()).isEqualTo(issued.token().prefix());
        assertThat(issued.key().secretHash()).isEqualTo(issued.token().hash());
        assertThat(issued.token().matches(issued.key().secretHash())).isTrue();
        assertThat(issued.key().toString()).doesNotContain(issued.token().reveal());
    }

    @Test
    void issueAcceptsAKeyThatNeverExpires() {
        assertThat(ApiKey.issue(OrganizationId.generate(), "CI pipeline", null, NOW).key().expiresAt()).isNull();
    }

    @Test
    void issueRejectsAnExpiryInThePast() {
        assertThatThrownBy(() -> ApiKey.issue(OrganizationId.generate(), "CI pipeline", NOW.minusSeconds(1), NOW))
                .isInstanceOfSatisfying(InvariantViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("expiresAt"));
    }

    @Test
    void issueRejectsAnExpiryOfExactlyNow() {
        assertThatThrownBy(() -> ApiKey.issue(OrganizationId.generate(), "CI pipeline", NOW, NOW))
                .isInstanceOfSatisfying(InvariantViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("expiresAt"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void issueRejectsAMissingNameNamingTheField(String name) {
        assertThatThrownBy(() -> ApiKey.issue(OrganizationId.generate(), name, null, NOW))
                .isInstanceOfSatisfying(InvariantViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("name"));
    }

    @Test
    void acceptsANameOfExactly100Characters() {
        String name = "k".repeat(ApiKey.NAME_MAX_LENGTH);

        assertThat(anApiKey().withName(name).build().name()).isEqualTo(name);
    }

    @Test
    void rejectsANameOver100CharactersNamingTheField() {
        String name = "k".repeat(ApiKey.NAME_MAX_LENGTH + 1);

        assertThatThrownBy(() -> anApiKey().withName(name).build())
                .isInstanceOfSatisfying(InvariantViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("name"));
    }

    @Test
    void changingTheReturnedSecretHashDoesNotChangeTheKey() {
        ApiKeyToken token = ApiKeyToken.generate();
        ApiKey key = anApiKey().withToken(token).build();

        byte[] returned = key.secretHash();
        returned[0] ^= (byte) 0xFF;

        assertThat(key.secretHash()).isEqualTo(token.hash());
        assertThat(token.matches(key.secretHash())).isTrue();
    }

    @Test
    void changingTheConstructorsHashArrayDoesNotChangeTheKey() {
        ApiKeyToken token = ApiKeyToken.generate();
        byte[] hash = token.hash();
        ApiKey key = new ApiKey(ApiKeyId.generate(), OrganizationId.generate(), "CI pipeline", token.prefix(), hash,
                null, null, null, 1, NOW, NOW);

        hash[0] ^= (byte) 0xFF;

        assertThat(key.secretHash()).isEqualTo(token.hash());
    }

    @Test
    void revokedRecordsWhenAndKeepsEverythingElse() {
        ApiKey key = anApiKey().withVersion(3).withLastUsedAt(NOW.minusSeconds(60)).build();

        ApiKey revoked = key.revoked(NOW);

        assertThat(revoked.revokedAt()).isEqualTo(NOW);
        assertThat(revoked.isRevoked()).isTrue();
        assertThat(revoked.id()).isEqualTo(key.id());
        assertThat(revoked.organizationId()).isEqualTo(key.organizationId());
        assertThat(revoked.name()).isEqualTo(key.name());
        assertThat(revoked.prefix()).isEqualTo(key.prefix());
        assertThat(revoked.secretHash()).isEqualTo(key.secretHash());
        assertThat(revoked.lastUsedAt()).isEqualTo(key.lastUsedAt());
        assertThat(revoked.version()).isEqualTo(3);
        assertThat(key.isRevoked()).as("original stays unrevoked").isFalse();
    }

    @Test
    void revokingAgainKeepsTheFirstRevocation() {
        ApiKey revoked = anApiKey().build().revoked(NOW);

        ApiKey revokedAgain = revoked.revoked(NOW.plusSeconds(3600));

        assertThat(revokedAgain.revokedAt()).isEqualTo(NOW);
        assertThat(revokedAgain).isSameAs(revoked);
    }

    @Test
    void aKeyReconstitutedAsRevokedStaysRevokedAtItsOriginalTime() {
        Instant originallyRevokedAt = NOW.minus(Duration.ofDays(2));
        ApiKey key = anApiKey().withRevokedAt(originallyRevokedAt).build();

        assertThat(key.revoked(NOW).revokedAt()).isEqualTo(originallyRevokedAt);
    }
}
