package dev.tenantcore.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.shared.domain.UserId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ErasedAccountsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final ErasedAccounts erased = new ErasedAccounts(
            new SessionSettings(Duration.ofMinutes(15), Duration.ofDays(30)), clock);

    @Test
    void remembersAnErasureForOneAccessTokenLifetimeAndAMinuteOfLeeway() {
        var ada = UserId.generate();
        erased.remember(ada);

        assertThat(erased.isErased(ada)).isTrue();
        assertThat(erased.isErased(UserId.generate())).isFalse();
        clock.advance(Duration.ofMinutes(15).plusSeconds(59));
        assertThat(erased.isErased(ada)).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(erased.isErased(ada)).as("every token signed before the erasure has expired").isFalse();
    }
}
