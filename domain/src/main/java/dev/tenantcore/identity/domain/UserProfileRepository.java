package dev.tenantcore.identity.domain;

import java.util.Optional;

/**
 * Changes to a person's profile (reading it is {@link UserRepository#findProfile}). Runs in a transaction whose
 * user is the profile's owner: nobody else may write it.
 */
public interface UserProfileRepository {

    /**
     * Writes the profile if the stored version is still {@code revised.version()}; returns it as stored (the next
     * version), or empty when it changed meanwhile or does not exist.
     */
    Optional<UserProfile> update(UserProfile revised);
}
