package dev.tenantcore.identity.domain;

import static dev.tenantcore.identity.domain.ExternalLoginTestData.anExternalLogin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ExternalLoginTest {

    @Test
    void linkMakesANewIdAndKeepsWhatItIsGiven() {
        var user = UserId.generate();
        var now = Instant.parse("2026-03-01T10:00:00Z");

        var first = ExternalLogin.link(user, "google", "1234567890", new EmailAddress("ada@gmail.example"), now);
        var second = ExternalLogin.link(user, "google", "1234567890", null, now);

        assertThat(first.userId()).isEqualTo(user);
        assertThat(first.provider()).isEqualTo("google");
        assertThat(first.subject()).isEqualTo("1234567890");
        assertThat(first.emailAtProvider()).isEqualTo(new EmailAddress("ada@gmail.example"));
        assertThat(first.linkedAt()).isEqualTo(now);
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.emailAtProvider()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"google", "acme-sso", "a", "okta_eu", "0auth"})
    void providerNamesFollowTheDatabasesRule(String provider) {
        assertThat(anExternalLogin().withProvider(provider).build().provider()).isEqualTo(provider);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Google", "-sso", "_x", "has space", "dot.ted", "é",
            "a234567890123456789012345678901234567890123456789012345678901234"})
    void otherProviderNamesAreRefused(String provider) {
        assertThatThrownBy(() -> anExternalLogin().withProvider(provider).build())
                .isInstanceOfSatisfying(InvariantViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("provider"));
    }

    @Test
    void subjectsAreOpaqueAndCaseSensitive() {
        var login = anExternalLogin().withSubject("AbC|123@x").build();

        assertThat(login.subject()).isEqualTo("AbC|123@x");
        assertThat(login.isFor(login.provider(), "AbC|123@x")).isTrue();
        assertThat(login.isFor(login.provider(), "abc|123@x")).isFalse();
        assertThat(login.isFor("other", "AbC|123@x")).isFalse();
        assertThat(anExternalLogin().withSubject("s".repeat(255)).build().subject()).hasSize(255);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"nul\u0000inside", "new\nline"})
    void emptyOrControlCharacterSubjectsAreRefused(String subject) {
        assertThatThrownBy(() -> anExternalLogin().withSubject(subject).build())
                .isInstanceOfSatisfying(InvariantViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("subject"));
    }

    @Test
    void overlongSubjectsAreRefused() {
        assertThatThrownBy(() -> anExternalLogin().withSubject("s".repeat(256)).build())
                .isInstanceOf(InvariantViolationException.class);
    }

    @Test
    void everyPartButTheAddressIsRequired() {
        assertThatThrownBy(() -> anExternalLogin().withUserId(null).build()).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> anExternalLogin().withId(null).build()).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> anExternalLogin().withLinkedAt(null).build())
                .isInstanceOf(NullPointerException.class);
        assertThat(anExternalLogin().withEmailAtProvider(null).build().emailAtProvider()).isNull();
    }
}
