package dev.tenantcore.identity.application;

import java.time.Duration;
import java.util.Objects;

/**
 * How long what a login hands out lives: the access token (short: it carries the permissions of the moment, and
 * a removed member keeps it until it expires) and the refresh token (each use replaces it).
 */
public record SessionSettings(Duration accessTokenLifetime, Duration refreshTokenLifetime) {
    public SessionSettings {
        Objects.requireNonNull(accessTokenLifetime, "accessTokenLifetime");
        Objects.requireNonNull(refreshTokenLifetime, "refreshTokenLifetime");
        if (accessTokenLifetime.isNegative() || accessTokenLifetime.isZero()
                || refreshTokenLifetime.compareTo(accessTokenLifetime) <= 0) {
            throw new IllegalArgumentException("lifetimes must be positive, the refresh token's the longer");
        }
    }
}
