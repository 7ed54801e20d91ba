package dev.tenantcore.shared.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.shared.application.FakeTenantTransactions.Outcome;
import dev.tenantcore.shared.application.FakeTenantTransactions.Transaction;
import dev.tenantcore.shared.domain.OrganizationId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fake must behave like the real boundary, or the service tests built on it would prove nothing. */
class FakeTenantTransactionsTest {
    private final FakeTenantTransactions transactions = new FakeTenantTransactions();
    private final OrganizationId tenant = OrganizationId.generate();
    private final OrganizationId otherTenant = OrganizationId.generate();

    @Test
    void recordsTheTenantAndModeOfEachTransaction() {
        transactions.write(tenant, () -> null);
        transactions.read(otherTenant, () -> null);

        assertThat(transactions.transactions()).containsExactly(
                new Transaction(tenant, false, Outcome.COMMITTED),
                new Transaction(otherTenant, true, Outcome.COMMITTED));
    }

    @Test
    void theTenantIsActiveOnlyWhileTheWorkRuns() {
        var seen = transactions.read(tenant, transactions::activeTenant);

        assertThat(seen).contains(tenant);
        assertThat(transactions.activeTenant()).isEmpty();
    }

    @Test
    void aNestedCallForTheSameTenantJoinsTheOuterTransaction() {
        var result = transactions.write(tenant, () -> transactions.read(tenant, () -> "joined"));

        assertThat(result).isEqualTo("joined");
        assertThat(transactions.onlyTransaction()).isEqualTo(new Transaction(tenant, false, Outcome.COMMITTED));
    }

    @Test
    void aNestedCallForAnotherTenantFailsAndRollsTheOuterBack() {
        assertThatThrownBy(() -> transactions.write(tenant, () -> transactions.write(otherTenant, () -> null)))
                .isInstanceOf(IllegalStateException.class);

        assertThat(transactions.onlyTransaction().outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(transactions.activeTenant()).isEmpty();
    }

    @Test
    void aRuntimeExceptionRestoresWhatTheParticipantsChanged() {
        List<String> state = new ArrayList<>(List.of("before"));
        transactions.register(() -> {
            var copy = List.copyOf(state);
            return () -> {
                state.clear();
                state.addAll(copy);
            };
        });

        assertThatThrownBy(() -> transactions.write(tenant, () -> {
            state.add("during");
            throw new IllegalArgumentException("boom");
        })).hasMessage("boom");

        assertThat(state).containsExactly("before");
        assertThat(transactions.onlyTransaction().outcome()).isEqualTo(Outcome.ROLLED_BACK);
    }

    @Test
    void requireActiveFailsOutsideATransactionAndForAnotherTenant() {
        assertThatThrownBy(() -> transactions.requireActive(tenant)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> transactions.read(tenant, () -> {
            transactions.requireActive(otherTenant);
            return null;
        })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void requireWritableFailsInAReadOnlyTransaction() {
        assertThatThrownBy(() -> transactions.read(tenant, () -> {
            transactions.requireWritable(tenant);
            return null;
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
    }
}
