package dev.tenantcore.identity.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoginThrottlePolicyTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void acceptsLimitsOfOneAndNoFreeAddressFailures() {
        var strictest = new LoginThrottlePolicy(1, 1, 0, MINUTE, MINUTE);

        assertThat(strictest.pairLimit()).isEqualTo(1);
        assertThat(strictest.accountLimit()).isEqualTo(1);
        assertThat(strictest.addressFailuresWithoutDelay()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void refusesAPairLimitBelowOne(int limit) {
        assertThatThrownBy(() -> new LoginThrottlePolicy(limit, 10, 10, MINUTE, MINUTE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pairLimit");
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 0, -1})
    void refusesAnAccountLimitBelowThePairLimit(int limit) {
        // Below it, one source alone would lock the account everywhere.
        assertThatThrownBy(() -> new LoginThrottlePolicy(5, limit, 10, MINUTE, MINUTE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accountLimit");
    }

    @Test
    void refusesANegativeNumberOfFreeAddressFailures() {
        assertThatThrownBy(() -> new LoginThrottlePolicy(5, 10, -1, MINUTE, MINUTE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("addressFailuresWithoutDelay");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void refusesAWindowThatIsNotPositive(long seconds) {
        assertThatThrownBy(() -> new LoginThrottlePolicy(5, 10, 10, Duration.ofSeconds(seconds), MINUTE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void refusesALockoutThatIsNotPositive(long seconds) {
        assertThatThrownBy(() -> new LoginThrottlePolicy(5, 10, 10, MINUTE, Duration.ofSeconds(seconds)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lockout");
    }

    @Test
    void refusesMissingDurations() {
        assertThatThrownBy(() -> new LoginThrottlePolicy(5, 10, 10, null, MINUTE))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("window");
        assertThatThrownBy(() -> new LoginThrottlePolicy(5, 10, 10, MINUTE, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("lockout");
    }
}
