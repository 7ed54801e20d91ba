package dev.tenantcore.shared.adapter.persistence;

import dev.tenantcore.shared.domain.OrganizationId;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which organization the current thread's database transaction is for. {@link TenantStatementGuard} refuses every
 * statement on a tenant table while none is active, so code that forgot the tenant transaction fails loudly
 * instead of quietly reading nothing (which is all row-level security would let it do). {@link #require} checks
 * more: that the active transaction is for the very organization an adapter is about to name in its statement.
 */
public final class TenantSession {
    private static final ThreadLocal<OrganizationId> ACTIVE = new ThreadLocal<>();

    private TenantSession() {
    }

    /** Checks that a transaction for {@code organizationId} is active on this thread. */
    public static void require(OrganizationId organizationId) {
        var active = ACTIVE.get();
        if (active == null) {
            throw new IllegalStateException(
                    "tenant-scoped data accessed outside a tenant transaction: run it inside TenantTransactions");
        }
        if (!active.equals(organizationId)) {
            throw new IllegalStateException("the active tenant transaction is for organization " + active
                    + ", not for " + organizationId);
        }
    }

    /**
     * Checks that some tenant transaction is active on this thread: for a person's own rows, which the user
     * setting of that transaction scopes, whatever its organization.
     */
    public static void requireAny() {
        if (ACTIVE.get() == null) {
            throw new IllegalStateException(
                    "user data accessed outside a tenant transaction: run it inside TenantTransactions");
        }
    }

    static Optional<OrganizationId> active() {
        return Optional.ofNullable(ACTIVE.get());
    }

    static <T> T runAs(OrganizationId organizationId, Supplier<T> work) {
        ACTIVE.set(organizationId);
        try {
            return work.get();
        } finally {
            ACTIVE.remove();
        }
    }
}
