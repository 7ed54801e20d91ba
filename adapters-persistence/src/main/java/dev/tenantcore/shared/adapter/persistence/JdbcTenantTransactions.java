package dev.tenantcore.shared.adapter.persistence;

import dev.tenantcore.shared.application.CurrentCaller;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.application.Caller;
import dev.tenantcore.shared.domain.Actor;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Runs use-case work in a database transaction whose tenant setting ({@code app.organization_id}, read by every
 * row-level-security policy) is the given organization. The setting is transaction-local
 * ({@code set_config(..., true)}): it vanishes at commit or rollback, so a pooled connection never carries one
 * tenant into the next borrower's transaction, and it works behind transaction-mode PgBouncer. It travels in the
 * same message as the transaction's first statement ({@link TenantSettingDataSource}): no round trip of its own.
 * Write transactions also carry the caller, which the audit trigger records with every change.
 */
@Singleton
final class JdbcTenantTransactions implements TenantTransactions {
    private final TransactionOperations<Connection> transactions;
    private final CurrentCaller currentCaller;
    private final ReadReplica replica;

    JdbcTenantTransactions(TransactionOperations<Connection> transactions, CurrentCaller currentCaller,
            @Nullable ReadReplica replica) {
        this.transactions = transactions;
        this.currentCaller = currentCaller;
        this.replica = replica;
    }

    @Override
    public <T> T write(OrganizationId organizationId, Supplier<T> work) {
        var caller = currentCaller.caller();
        var user = callingUser(caller);
        return written(organizationId, user, inTransaction(TransactionDefinition.DEFAULT, organizationId,
                () -> TransactionSettings.tenantAndCaller(organizationId, user, caller), work));
    }

    @Override
    public <T> T read(OrganizationId organizationId, Supplier<T> work) {
        var user = callingUser(currentCaller.caller());
        Supplier<T> read = () -> inTransaction(TransactionDefinition.READ_ONLY, organizationId,
                () -> TransactionSettings.tenant(organizationId, user), work);
        if (replica == null || TenantSession.active().isPresent() || !replica.mayServe(organizationId, user)) {
            return read.get();
        }
        try {
            var routed = ReplicaRoutingDataSource.onReplica(read);
            replica.served(routed.byReplica());
            return routed.result();
        } catch (ReplicaRoutingDataSource.ReplicaFailure failure) {
            if (!failure.byReplica() || !ReadReplica.isReplicasFault(failure.original())) {
                replica.served(failure.byReplica()); // answered, if by "not found": the work's own outcome
                throw failure.original();
            }
            // A read-only transaction may simply run again: on the primary, which has everything the replica had.
            replica.failed(failure.original());
            replica.served(false);
            return read.get();
        }
    }

    @Override
    public <T> T readLatest(OrganizationId organizationId, Supplier<T> work) {
        return inTransaction(TransactionDefinition.READ_ONLY, organizationId,
                () -> TransactionSettings.tenant(organizationId, callingUser(currentCaller.caller())), work);
    }

    @Override
    public <T> T writeForUser(OrganizationId organizationId, UserId userId, Supplier<T> work) {
        Objects.requireNonNull(userId, "userId");
        return written(organizationId, userId, inTransaction(TransactionDefinition.DEFAULT, organizationId,
                () -> TransactionSettings.tenantAndCaller(organizationId, userId, currentCaller.caller()), work));
    }

    @Override
    public <T> T readForUser(OrganizationId organizationId, UserId userId, Supplier<T> work) {
        Objects.requireNonNull(userId, "userId");
        return inTransaction(TransactionDefinition.READ_ONLY, organizationId,
                () -> TransactionSettings.tenant(organizationId, userId), work);
    }

    /** Called with the result of a committed write: until a replica has it, reads for its keys stay here. */
    private <T> T written(OrganizationId organizationId, UserId userId, T result) {
        if (replica != null) {
            replica.wrote(organizationId, userId);
        }
        return result;
    }

    private static UserId callingUser(Caller caller) {
        var actor = caller.actor();
        return actor.type() == Actor.Type.USER ? new UserId(actor.id()) : null;
    }

    private <T> T inTransaction(TransactionDefinition definition, OrganizationId organizationId,
            Supplier<TransactionSettings> settings, Supplier<T> work) {
        var outer = TenantSession.active();
        if (outer.isPresent()) {
            TenantSession.require(organizationId); // joins the outer transaction, never switches tenant in it
            return work.get();
        }
        return transactions.execute(definition, status -> {
            apply(status.getConnection(), settings.get());
            return TenantSession.runAs(organizationId, work);
        });
    }

    private static void apply(Connection connection, TransactionSettings settings) {
        try {
            TenantSettingDataSource.apply(connection, settings);
        } catch (SQLException e) {
            throw new DataAccessException("could not set the transaction's tenant", e);
        }
    }
}
