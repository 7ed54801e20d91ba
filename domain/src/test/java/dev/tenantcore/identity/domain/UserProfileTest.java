package dev.tenantcore.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.UserId;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UserProfileTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final UserProfile ada = UserProfile.initial(UserId.generate(), "Ada", NOW);

    private UserProfile with(String avatarUrl, String locale, String timeZone, String bio) {
        return ada.revised("Ada", avatarUrl, locale, timeZone, bio, NOW);
    }

    @Test
    void keepsValidValuesAndNormalisesTheTimeZone() {
        var profile = with(" https://cdn.example/ada.png ", "pt-BR", "UTC+1", "Counts.");

        assertThat(profile.avatarUrl()).isEqualTo("https://cdn.example/ada.png");
        assertThat(profile.locale()).isEqualTo("pt-BR");
        assertThat(profile.timeZone()).isEqualTo("UTC+01:00");
        assertThat(profile.bio()).isEqualTo("Counts.");
        assertThat(with(null, "en", "Europe/Lisbon", null).timeZone()).isEqualTo("Europe/Lisbon");
        assertThat(with(null, null, "+01:00", null).timeZone()).isEqualTo("+01:00");
    }

    @Test
    void everyOptionalFieldMayBeNull() {
        var profile = with(null, null, null, null);

        assertThat(profile.avatarUrl()).isNull();
        assertThat(profile.locale()).isNull();
        assertThat(profile.timeZone()).isNull();
        assertThat(profile.bio()).isNull();
    }

    @Test
    void revisingKeepsIdentityVersionAndCreationAndStampsTheChange() {
        var later = NOW.plusSeconds(60);
        var revised = ada.revised("Ada L.", null, null, null, null, later);

        assertThat(revised.userId()).isEqualTo(ada.userId());
        assertThat(revised.version()).isEqualTo(ada.version());
        assertThat(revised.createdAt()).isEqualTo(NOW);
        assertThat(revised.updatedAt()).isEqualTo(later);
        assertThat(revised.displayName()).isEqualTo("Ada L.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://cdn.example/a.png", "cdn.example/a.png", "https://", "https:// space.example/",
            "javascript:alert(1)", "HTTPS://cdn.example/a.png", "https://cdn.example/\u0000"})
    void refusesAnAvatarThatIsNotAnAbsoluteHttpUrl(String url) {
        assertThatThrownBy(() -> with(url, null, null, null)).isInstanceOf(InvariantViolationException.class)
                .extracting("field").isEqualTo("avatarUrl");
    }

    @Test
    void refusesAnAvatarUrlLongerThan2000Characters() {
        var base = "https://cdn.example/";
        var longest = base + "a".repeat(2000 - base.length());
        assertThat(with(longest, null, null, null).avatarUrl()).hasSize(2000);
        assertThatThrownBy(() -> with(longest + "a", null, null, null))
                .isInstanceOf(InvariantViolationException.class).extracting("field").isEqualTo("avatarUrl");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "e", "EN", "english-language", "en_US", "en-", "en--US", "de-x-a", "12", "en-US!"})
    void refusesALocaleThatIsNotABcp47Tag(String locale) {
        assertThatThrownBy(() -> with(null, locale, null, null)).isInstanceOf(InvariantViolationException.class)
                .extracting("field").isEqualTo("locale");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Mars/Olympus_Mons", "Europe/Lisbonn", "+25:00", "not a zone", "utc"})
    void refusesATimeZoneJavaDoesNotKnow(String zone) {
        assertThatThrownBy(() -> with(null, null, zone, null)).isInstanceOf(InvariantViolationException.class)
                .extracting("field").isEqualTo("timeZone");
    }

    @Test
    void refusesABioLongerThan2000CharactersAndABlankDisplayName() {
        assertThat(with(null, null, null, "b".repeat(2000)).bio()).hasSize(2000);
        assertThatThrownBy(() -> with(null, null, null, "b".repeat(2001)))
                .isInstanceOf(InvariantViolationException.class).extracting("field").isEqualTo("bio");
        assertThatThrownBy(() -> ada.revised(" ", null, null, null, null, NOW))
                .isInstanceOf(InvariantViolationException.class).extracting("field").isEqualTo("displayName");
    }
}
