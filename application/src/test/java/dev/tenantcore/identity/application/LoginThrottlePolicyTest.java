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
    void acceptsALimitOfOne() {
        assertThat(new LoginThrottlePolicy(1, 1, MINUTE, MINUTE).accountLimit()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void refusesAnAccountLimitBelowOne(int limit) {
        assertThatThrownBy(() -> new LoginThrottlePolicy(limit, 20, MINUTE, MINUTE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accountLimit");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void refusesAnAddressLimitBelowOne(int limit) {
        assertThatThrownBy(() -> new LoginThrottlePolicy(5, limit, MINUTE, MINUTE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("addressLimit");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void refusesAWindowThatIsNotPositive(long seconds) {
        assertThatThrownBy(() -> new LoginThrottlePolicy(5, 20, Duration.ofSeconds(seconds), MINUTE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void refusesALockoutThatIsNotPositive(long seconds) {
        assertThatThrownBy(() -> new LoginThrottlePolicy(5, 20, MINUTE, Duration.ofSeconds(seconds)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lockout");
    }

    @Test
    void refusesMissingDurations() {
        assertThatThrownBy(() -> new LoginThrottlePolicy(5, 20, null, MINUTE))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("window");
        assertThatThrownBy(() -> new LoginThrottlePolicy(5, 20, MINUTE, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("lockout");
    }
}
