package dev.tenantcore.identity.domain;

import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.Text;
import dev.tenantcore.shared.domain.UserId;
import java.time.Instant;
import java.util.Objects;

/** How a person presents themselves: what their organizations see of them besides the address. */
public record UserProfile(UserId userId, String displayName, String avatarUrl, String locale, String timeZone,
        String bio, long version, Instant createdAt, Instant updatedAt) {

    public UserProfile {
        Objects.requireNonNull(userId, "userId");
        displayName = Text.required("displayName", displayName, 200);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (version < 1) {
            throw new InvariantViolationException("version", "must be positive");
        }
    }

    public static UserProfile initial(UserId userId, String displayName, Instant now) {
        return new UserProfile(userId, displayName, null, null, null, null, 1, now, now);
    }
}
