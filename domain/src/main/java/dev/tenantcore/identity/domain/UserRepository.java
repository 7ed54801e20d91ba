package dev.tenantcore.identity.domain;

import dev.tenantcore.shared.domain.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * A person's own rows. Every method runs inside a transaction whose user is that person (the database shows a
 * user's rows to nobody else, and to their organizations only while they are members).
 */
public interface UserRepository {

    /**
     * Inserts the account, its password, its profile and default preferences. A null {@code passwordHash} (and
     * {@code passwordChangedAt}) makes an account without a password, which logs in through a provider.
     */
    void register(User user, String passwordHash, Instant passwordChangedAt, UserProfile profile);

    Optional<User> findById(UserId id);

    Optional<UserProfile> findProfile(UserId id);

    /** The stored password hash, if the account has a password. */
    Optional<String> findPasswordHash(UserId id);

    /** Replaces the password hash (a change, or a re-hash with stronger parameters). */
    void updatePasswordHash(UserId id, String passwordHash, Instant changedAt);
}
