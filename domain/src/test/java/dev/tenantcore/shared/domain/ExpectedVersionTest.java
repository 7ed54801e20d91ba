package dev.tenantcore.shared.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpectedVersionTest {

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 42, Long.MAX_VALUE})
    void anyAcceptsEveryVersion(long current) {
        assertThatCode(() -> ExpectedVersion.ANY.check(current)).doesNotThrowAnyException();
    }

    @Test
    void exactlyAcceptsThatVersion() {
        assertThatCode(() -> ExpectedVersion.exactly(3).check(3)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(longs = {2, 4, 30})
    void exactlyRejectsAnyOtherVersionReportingTheCurrentOne(long current) {
        assertThatThrownBy(() -> ExpectedVersion.exactly(3).check(current))
                .isInstanceOf(StaleVersionException.class)
                .extracting(e -> ((StaleVersionException) e).currentVersion())
                .isEqualTo(current);
    }

    @ParameterizedTest
    @ValueSource(longs = {2, 5, 9})
    void oneOfAcceptsEachListedVersion(long current) {
        assertThatCode(() -> ExpectedVersion.oneOf(2, 5, 9).check(current)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 3, 10})
    void oneOfRejectsUnlistedVersionsReportingTheCurrentOne(long current) {
        assertThatThrownBy(() -> ExpectedVersion.oneOf(2, 5, 9).check(current))
                .isInstanceOf(StaleVersionException.class)
                .extracting(e -> ((StaleVersionException) e).currentVersion())
                .isEqualTo(current);
    }

    @Test
    void oneOfIsNotAffectedByLaterChangesToTheCallersArray() {
        long[] versions = {7, 8};
        ExpectedVersion expected = ExpectedVersion.oneOf(versions);

        versions[0] = 100;

        assertThatCode(() -> expected.check(7)).doesNotThrowAnyException();
        assertThatThrownBy(() -> expected.check(100)).isInstanceOf(StaleVersionException.class);
    }
}
