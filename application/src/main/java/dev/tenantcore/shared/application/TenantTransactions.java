package dev.tenantcore.shared.application;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import java.util.function.Supplier;

/**
 * The transaction boundary of the use cases. Work runs in one database transaction whose tenant is
 * {@code organizationId}: the database's row-level security then shows and accepts only that organization's
 * rows. A runtime exception from the work rolls everything back. Nested calls for the same organization join the
 * outer transaction; a nested call for another organization is a programming error and fails.
 *
 * <p>A person's own rows (their user, credentials, profile, preferences, refresh tokens) follow a second setting,
 * the user. {@link #write} and {@link #read} set it to the calling user, if a user calls; the {@code ForUser}
 * variants name the user for work on behalf of someone who is not (yet) the caller: signing up, accepting an
 * invitation, logging in; their reads are always on the primary, like {@link #readLatest}.
 */
public interface TenantTransactions {

    <T> T write(OrganizationId organizationId, Supplier<T> work);

    /**
     * A read-only transaction: it cannot write by mistake, and may be served by a read replica once the replica has
     * replayed every write this process made for the organization (and the calling user). For reads that show data.
     */
    <T> T read(OrganizationId organizationId, Supplier<T> work);

    /**
     * A read-only transaction on the primary, which has every committed change: for reads that decide whether
     * someone may act (a credential, a membership, an invitation, an account's state), where even a second of a
     * replica's lag would let a revoked right through.
     */
    <T> T readLatest(OrganizationId organizationId, Supplier<T> work);

    <T> T writeForUser(OrganizationId organizationId, UserId userId, Supplier<T> work);

    <T> T readForUser(OrganizationId organizationId, UserId userId, Supplier<T> work);
}
