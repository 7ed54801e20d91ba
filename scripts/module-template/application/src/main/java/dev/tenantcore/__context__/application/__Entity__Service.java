package dev.tenantcore.__context__.application;

import dev.tenantcore.__context__.domain.__Entity__;
import dev.tenantcore.__context__.domain.__Entity__Id;
import dev.tenantcore.__context__.domain.__Entity__Permissions;
import dev.tenantcore.__context__.domain.__Entity__Repository;
import dev.tenantcore.shared.application.CurrentTenant;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.ExpectedVersion;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.shared.domain.ResourceNotFoundException;
import jakarta.inject.Singleton;
import java.time.Clock;

@Singleton
final class __Entity__Service implements Create__Entity__UseCase, Get__Entity__UseCase, Update__Entity__UseCase,
        Delete__Entity__UseCase, List__Entities__UseCase {

    private final __Entity__Repository __entities__;
    private final TenantTransactions transactions;
    private final CurrentTenant currentTenant;
    private final Clock clock;

    __Entity__Service(__Entity__Repository __entities__, TenantTransactions transactions, CurrentTenant currentTenant,
            Clock clock) {
        this.__entities__ = __entities__;
        this.transactions = transactions;
        this.currentTenant = currentTenant;
        this.clock = clock;
    }

    @Override
    public __Entity__ create(Create__Entity__Command command) {
        currentTenant.require(__Entity__Permissions.WRITE);
        var organizationId = currentTenant.organizationId();
        var __entity__ = __Entity__.create(organizationId, command.name(), command.descriptionOrNull(), clock.instant());
        return transactions.write(organizationId, () -> __entities__.insert(__entity__));
    }

    @Override
    public __Entity__ get(__Entity__Id id) {
        currentTenant.require(__Entity__Permissions.READ);
        var organizationId = currentTenant.organizationId();
        return transactions.read(organizationId, () -> load(organizationId, id));
    }

    @Override
    public __Entity__ update(Update__Entity__Command command) {
        currentTenant.require(__Entity__Permissions.WRITE);
        var organizationId = currentTenant.organizationId();
        return transactions.write(organizationId, () -> {
            var current = load(organizationId, command.id());
            command.expectedVersion().check(current.version());
            if (!command.changesAnything()) {
                return current;
            }
            var revised = current.revised(command.name().orElse(current.name()),
                    command.description().orElse(current.description()));
            return __entities__.update(revised).orElseThrow(__Entity__Service::concurrentChange);
        });
    }

    @Override
    public void delete(__Entity__Id id, ExpectedVersion expectedVersion) {
        currentTenant.require(__Entity__Permissions.WRITE);
        var organizationId = currentTenant.organizationId();
        transactions.write(organizationId, () -> {
            var __entity__ = load(organizationId, id);
            expectedVersion.check(__entity__.version());
            if (!__entities__.delete(organizationId, id, __entity__.version())) {
                throw concurrentChange();
            }
            return null;
        });
    }

    @Override
    public Page<__Entity__> list(PageRequest<__Entity__Id> page) {
        currentTenant.require(__Entity__Permissions.READ);
        var organizationId = currentTenant.organizationId();
        return transactions.read(organizationId, () -> __entities__.list(organizationId, page));
    }

    private __Entity__ load(OrganizationId organizationId, __Entity__Id id) {
        return __entities__.findById(organizationId, id)
                .orElseThrow(() -> new ResourceNotFoundException("__entity_type__"));
    }

    private static ConflictException concurrentChange() {
        return new ConflictException("the __entity_words__ was changed concurrently; retry");
    }
}
