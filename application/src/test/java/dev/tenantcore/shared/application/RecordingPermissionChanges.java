package dev.tenantcore.shared.application;

import dev.tenantcore.shared.domain.OrganizationId;
import java.util.ArrayList;
import java.util.List;

/** Remembers the organizations it was told about, with whether a transaction was still open then. */
public final class RecordingPermissionChanges implements PermissionChanges {
    private final FakeTenantTransactions transactions;
    private final List<OrganizationId> changed = new ArrayList<>();

    public RecordingPermissionChanges(FakeTenantTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void changedIn(OrganizationId organizationId) {
        if (transactions.activeTenant().isPresent()) {
            throw new AssertionError("told about a permission change before its transaction committed");
        }
        changed.add(organizationId);
    }

    public List<OrganizationId> changed() {
        return List.copyOf(changed);
    }
}
