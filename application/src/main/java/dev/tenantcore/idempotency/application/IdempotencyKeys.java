package dev.tenantcore.idempotency.application;

import dev.tenantcore.shared.domain.OrganizationId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The responses kept for idempotency keys, per organization and per credential (the actor that sent the key).
 * Every method but {@link #organizationsWithExpiredKeys} runs inside the organization's transaction, which is also
 * the transaction of the request's own changes: a kept response commits with them or not at all.
 */
public interface IdempotencyKeys {

    /**
     * Takes the key for this transaction, or answers false when a transaction that is still open holds it (the
     * same request, sent again before the first one finished). Never waits.
     */
    boolean tryHold(OrganizationId organizationId, UUID actorId, String key);

    /** The response kept for the key, unless none is or it expired. */
    Optional<KeptResponse> find(OrganizationId organizationId, UUID actorId, String key);

    /** Keeps the response until {@code expiresAt}, replacing an expired one kept for the same key. */
    void keep(OrganizationId organizationId, UUID actorId, String key, KeptResponse response, Instant expiresAt);

    /** The organizations that have expired keys: ids only, from every organization. */
    List<OrganizationId> organizationsWithExpiredKeys();

    /** Deletes the organization's expired keys, at most {@code limit} of them; answers how many. */
    int deleteExpired(OrganizationId organizationId, int limit);
}
