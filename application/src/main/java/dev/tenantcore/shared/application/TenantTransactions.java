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
 * invitation, logging in.
 */
public interface TenantTransactions {

    <T> T write(OrganizationId organizationId, Supplier<T> work);

    /** A read-only transaction: it may be routed to a replica and cannot write by mistake. */
    <T> T read(OrganizationId organizationId, Supplier<T> work);

    <T> T writeForUser(OrganizationId organizationId, UserId userId, Supplier<T> work);

    <T> T readForUser(OrganizationId organizationId, UserId userId, Supplier<T> work);
}
