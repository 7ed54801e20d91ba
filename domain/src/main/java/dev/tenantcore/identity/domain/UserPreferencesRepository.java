package dev.tenantcore.identity.domain;

import dev.tenantcore.shared.domain.UserId;
import java.util.Optional;

/**
 * A person's preferences. Runs in a transaction whose user is that person; an organization the person belongs to
 * may read them too, never write them.
 */
public interface UserPreferencesRepository {

    Optional<UserPreferences> findByUserId(UserId userId);

    /**
     * Writes the preferences if the stored version is still {@code revised.version()}; returns them as stored (the
     * next version), or empty when they changed meanwhile or do not exist. Throws
     * {@code InvariantViolationException} ("settings") when the database finds the settings too large.
     */
    Optional<UserPreferences> update(UserPreferences revised);
}
