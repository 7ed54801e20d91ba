package dev.tenantcore.contacts.application;

import dev.tenantcore.contacts.domain.JsonFields;
import dev.tenantcore.contacts.domain.Production;
import dev.tenantcore.contacts.domain.ProductionId;
import dev.tenantcore.contacts.domain.ContactPermissions;
import dev.tenantcore.contacts.domain.ProductionRepository;
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
import java.util.Objects;

@Singleton
final class ProductionService implements CreateProductionUseCase, GetProductionUseCase, UpdateProductionUseCase,
        DeleteProductionUseCase, ListProductionsUseCase {

    private final ProductionRepository productions;
    private final TenantTransactions transactions;
    private final CurrentTenant currentTenant;
    private final Clock clock;

    ProductionService(ProductionRepository productions, TenantTransactions transactions, CurrentTenant currentTenant,
            Clock clock) {
        this.productions = productions;
        this.transactions = transactions;
        this.currentTenant = currentTenant;
        this.clock = clock;
    }

    @Override
    public Production create(CreateProductionCommand command) {
        currentTenant.require(ContactPermissions.WRITE);
        var organizationId = currentTenant.organizationId();
        var production = Production.create(organizationId, command.name(), command.code(), command.status(),
                command.startDate(), command.endDate(), command.metadata(), clock.instant());
        return transactions.write(organizationId, () -> productions.insert(production));
    }

    @Override
    public Production get(ProductionId id) {
        currentTenant.require(ContactPermissions.READ);
        var organizationId = currentTenant.organizationId();
        return transactions.read(organizationId, () -> load(organizationId, id));
    }

    @Override
    public Production update(UpdateProductionCommand command) {
        currentTenant.require(ContactPermissions.WRITE);
        var organizationId = currentTenant.organizationId();
        return transactions.write(organizationId, () -> {
            var current = load(organizationId, command.id());
            command.expectedVersion().check(current.version());
            if (!command.changesAnything()) {
                return current;
            }
            var metadata = command.metadata().isChange()
                    ? Objects.requireNonNullElse(command.metadata().orElse(null), JsonFields.EMPTY)
                    : current.metadata();
            var revised = current.revised(command.name().orElse(current.name()), command.code().orElse(current.code()),
                    command.status().orElse(current.status()), command.startDate().orElse(current.startDate()),
                    command.endDate().orElse(current.endDate()), metadata);
            return productions.update(revised).orElseThrow(ProductionService::concurrentChange);
        });
    }

    @Override
    public void delete(ProductionId id, ExpectedVersion expectedVersion) {
        currentTenant.require(ContactPermissions.WRITE);
        var organizationId = currentTenant.organizationId();
        transactions.write(organizationId, () -> {
            var production = load(organizationId, id);
            expectedVersion.check(production.version());
            if (!productions.delete(organizationId, id, production.version())) {
                throw concurrentChange();
            }
            return null;
        });
    }

    @Override
    public Page<Production> list(PageRequest<ProductionId> page) {
        currentTenant.require(ContactPermissions.READ);
        var organizationId = currentTenant.organizationId();
        return transactions.read(organizationId, () -> productions.list(organizationId, page));
    }

    private Production load(OrganizationId organizationId, ProductionId id) {
        return productions.findById(organizationId, id)
                .orElseThrow(() -> new ResourceNotFoundException("production"));
    }

    private static ConflictException concurrentChange() {
        return new ConflictException("the production was changed concurrently; retry");
    }
}
