package dev.tenantcore.identity.adapter.web;

import dev.tenantcore.identity.application.SessionSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Duration;

/** {@code tenantcore.auth.*}: how long access and refresh tokens live. The signing key is Micronaut Security's. */
@ConfigurationProperties("tenantcore.auth")
final class AuthConfiguration {
    private Duration accessTokenLifetime = Duration.ofMinutes(15);
    private Duration refreshTokenLifetime = Duration.ofDays(30);

    public Duration getAccessTokenLifetime() {
        return accessTokenLifetime;
    }

    public void setAccessTokenLifetime(Duration accessTokenLifetime) {
        this.accessTokenLifetime = accessTokenLifetime;
    }

    public Duration getRefreshTokenLifetime() {
        return refreshTokenLifetime;
    }

    public void setRefreshTokenLifetime(Duration refreshTokenLifetime) {
        this.refreshTokenLifetime = refreshTokenLifetime;
    }

    @Factory
    static final class Sessions {
        @Singleton
        SessionSettings sessionSettings(AuthConfiguration configuration) {
            return new SessionSettings(configuration.getAccessTokenLifetime(),
                    configuration.getRefreshTokenLifetime());
        }
    }
}
