package dev.tenantcore.identity.domain;

import dev.tenantcore.shared.domain.UserId;
import java.util.List;

/**
 * A user's links to OpenID Connect providers: their own rows, so every method runs in a transaction whose user is
 * {@code userId} (row-level security shows a user's links to nobody else).
 */
public interface ExternalLoginRepository {

    /**
     * Stores a new link. Throws {@code ConflictException} when the provider's subject is already linked, to this
     * account or another.
     */
    void insert(ExternalLogin login);

    /** The user's links, oldest first. */
    List<ExternalLogin> findByUser(UserId userId);

    /**
     * The user's links, oldest first, locked until the transaction ends: two concurrent unlinks of the last two
     * links cannot both see the other one still there.
     */
    List<ExternalLogin> lockByUser(UserId userId);

    /** Removes the link; false when the user has no link with this id. */
    boolean delete(UserId userId, ExternalLoginId id);
}
