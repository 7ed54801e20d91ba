package dev.tenantcore.identity.application;

import dev.tenantcore.shared.domain.UserId;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Accounts erased recently enough that access tokens signed for them may still be unexpired. An access token is
 * a signed JWT checked without the database, so erasing an account cannot withdraw it; the web adapter asks
 * {@link #isErased} and refuses such a token (401), so that every call with it fails rather than acting as a
 * person who no longer exists. An entry is kept for one access-token lifetime (plus a minute of clock leeway):
 * by then every token signed before the erasure has expired.
 *
 * <p>The memory is this process's, like {@link LoginThrottle}'s. After a restart, or on another instance, a
 * surviving token reaches the use cases again: the {@code /v1/me} ones answer 404 (the account is gone), and what
 * else the token could still do is what a removed member's token can (see {@link SessionSettings}).
 */
@Singleton
public final class ErasedAccounts {
    private static final Duration CLOCK_LEEWAY = Duration.ofMinutes(1);

    private final Duration remembered;
    private final Clock clock;
    private final ConcurrentHashMap<UserId, Instant> until = new ConcurrentHashMap<>();

    public ErasedAccounts(SessionSettings settings, Clock clock) {
        this.remembered = settings.accessTokenLifetime().plus(CLOCK_LEEWAY);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    void remember(UserId userId) {
        var now = clock.instant();
        until.values().removeIf(end -> !end.isAfter(now)); // erasures are rare: a sweep per erasure is plenty
        until.put(userId, now.plus(remembered));
    }

    /** Whether tokens of this user must be refused because the account was erased. */
    public boolean isErased(UserId userId) {
        var end = until.get(userId);
        return end != null && end.isAfter(clock.instant());
    }
}
