package dev.tenantcore.shared.application;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An in-memory stand-in for the transaction boundary that behaves like the JDBC one where the use cases can tell:
 * a nested call for the same organization joins the outer transaction, a nested call for another organization
 * fails, and a runtime exception rolls back what the {@link Participant participants} (the in-memory fakes)
 * changed. Every outermost transaction is recorded so tests can say which tenant and mode a use case used.
 */
public final class FakeTenantTransactions implements TenantTransactions {

    /** Something with state a rollback must restore: the in-memory repositories register themselves. */
    public interface Participant {
        /** Captures the current state; running the returned action puts it back. */
        Runnable snapshot();
    }

    public enum Outcome { COMMITTED, ROLLED_BACK }

    /** One outermost transaction: joined nested calls are part of it, not transactions of their own. */
    public record Transaction(OrganizationId organizationId, boolean readOnly, Outcome outcome) {
    }

    private final List<Participant> participants = new ArrayList<>();
    private final List<Transaction> completed = new ArrayList<>();
    private OrganizationId activeTenant;
    private boolean activeReadOnly;

    public void register(Participant participant) {
        participants.add(Objects.requireNonNull(participant));
    }

    @Override
    public <T> T write(OrganizationId organizationId, Supplier<T> work) {
        return inTransaction(organizationId, false, work);
    }

    @Override
    public <T> T read(OrganizationId organizationId, Supplier<T> work) {
        return inTransaction(organizationId, true, work);
    }

    @Override
    public <T> T readLatest(OrganizationId organizationId, Supplier<T> work) {
        return inTransaction(organizationId, true, work);
    }

    @Override
    public <T> T writeForUser(OrganizationId organizationId, UserId userId, Supplier<T> work) {
        Objects.requireNonNull(userId, "userId");
        return inTransaction(organizationId, false, work);
    }

    @Override
    public <T> T readForUser(OrganizationId organizationId, UserId userId, Supplier<T> work) {
        Objects.requireNonNull(userId, "userId");
        return inTransaction(organizationId, true, work);
    }

    private <T> T inTransaction(OrganizationId organizationId, boolean readOnly, Supplier<T> work) {
        Objects.requireNonNull(organizationId, "organizationId");
        if (activeTenant != null) {
            // Like the real adapter: join, but never switch tenant inside a transaction.
            requireActive(organizationId);
            return work.get();
        }
        List<Runnable> restore = participants.stream().map(Participant::snapshot).toList();
        activeTenant = organizationId;
        activeReadOnly = readOnly;
        try {
            T result = work.get();
            completed.add(new Transaction(organizationId, readOnly, Outcome.COMMITTED));
            return result;
        } catch (RuntimeException | Error e) {
            restore.forEach(Runnable::run);
            completed.add(new Transaction(organizationId, readOnly, Outcome.ROLLED_BACK));
            throw e;
        } finally {
            activeTenant = null;
            activeReadOnly = false;
        }
    }

    /** What the real adapters' {@code TenantSession.require} checks: a transaction for exactly this tenant. */
    public void requireActive(OrganizationId organizationId) {
        if (activeTenant == null) {
            throw new IllegalStateException(
                    "tenant-scoped data accessed outside a tenant transaction: run it inside TenantTransactions");
        }
        if (!activeTenant.equals(organizationId)) {
            throw new IllegalStateException("the active tenant transaction is for organization " + activeTenant
                    + ", not for " + organizationId);
        }
    }

    /** As {@link #requireActive}, and the transaction must not be read-only (the database would refuse). */
    public void requireWritable(OrganizationId organizationId) {
        requireActive(organizationId);
        if (activeReadOnly) {
            throw new IllegalStateException("write attempted in a read-only transaction");
        }
    }

    public Optional<OrganizationId> activeTenant() {
        return Optional.ofNullable(activeTenant);
    }

    /** The outermost transactions that have finished, oldest first. */
    public List<Transaction> transactions() {
        return List.copyOf(completed);
    }

    /** The only finished transaction; fails the test if there was not exactly one. */
    public Transaction onlyTransaction() {
        if (completed.size() != 1) {
            throw new AssertionError("expected exactly one transaction but there were " + completed);
        }
        return completed.getFirst();
    }

    public void forgetTransactions() {
        completed.clear();
    }
}
