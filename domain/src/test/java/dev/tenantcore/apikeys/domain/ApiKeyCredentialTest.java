package dev.tenantcore.apikeys.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.shared.domain.OrganizationId;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyCredentialTest {

    private static final Instant NOW = Instant.parse("2026-02-03T04:05:06Z");

    private static ApiKeyCredential credentialLastUsedAt(Instant lastUsedAt) {
        return new ApiKeyCredential(ApiKeyId.generate(), OrganizationId.generate(), ApiKeyToken.generate().hash(),
                lastUsedAt, Set.of(), null);
    }

    private static ApiKeyCredential credentialExpiringAt(Instant expiresAt) {
        return new ApiKeyCredential(ApiKeyId.generate(), OrganizationId.generate(), ApiKeyToken.generate().hash(),
                null, Set.of(), expiresAt);
    }

    @Test
    void aKeyNeverUsedBeforeIsStale() {
        assertThat(credentialLastUsedAt(null).usageIsStale(NOW)).isTrue();
    }

    @Test
    void aUseThirtySecondsAgoIsStillFresh() {
        assertThat(credentialLastUsedAt(NOW.minusSeconds(30)).usageIsStale(NOW)).isFalse();
    }

    @Test
    void aUseTwoMinutesAgoIsStale() {
        assertThat(credentialLastUsedAt(NOW.minusSeconds(120)).usageIsStale(NOW)).isTrue();
    }

    @Test
    void changingTheConstructorsHashArrayDoesNotChangeTheCredential() {
        ApiKeyToken token = ApiKeyToken.generate();
        byte[] hash = token.hash();
        ApiKeyCredential credential = new ApiKeyCredential(ApiKeyId.generate(), OrganizationId.generate(), hash, null,
                Set.of(), null);

        hash[0] ^= (byte) 0xFF;

        assertThat(token.matches(credential.secretHash())).isTrue();
    }

    @Test
    void aKeyWithoutExpiryNeverExpires() {
        assertThat(credentialExpiringAt(null).isUnexpiredAt(Instant.MAX)).isTrue();
    }

    @Test
    void aKeyIsUsableUntilJustBeforeItsExpiryAndNotAtIt() {
        assertThat(credentialExpiringAt(NOW).isUnexpiredAt(NOW.minusNanos(1))).isTrue();
        assertThat(credentialExpiringAt(NOW).isUnexpiredAt(NOW)).isFalse();
        assertThat(credentialExpiringAt(NOW).isUnexpiredAt(NOW.plusSeconds(1))).isFalse();
    }
}
