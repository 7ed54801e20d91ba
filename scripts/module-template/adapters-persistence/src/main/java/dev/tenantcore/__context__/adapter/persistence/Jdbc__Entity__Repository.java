package dev.tenantcore.__context__.adapter.persistence;

import dev.tenantcore.__context__.domain.__Entity__;
import dev.tenantcore.__context__.domain.__Entity__Id;
import dev.tenantcore.__context__.domain.__Entity__Repository;
import dev.tenantcore.shared.adapter.persistence.PersistedIds;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import jakarta.inject.Singleton;
import java.util.Optional;

/** The tenant statement guard refuses these statements outside the organization's transaction. */
@Singleton
final class Jdbc__Entity__Repository implements __Entity__Repository {
    private final __Entity__RowRepository rows;
    private final __Entity__RowMapper mapper;

    Jdbc__Entity__Repository(__Entity__RowRepository rows, __Entity__RowMapper mapper) {
        this.rows = rows;
        this.mapper = mapper;
    }

    @Override
    public __Entity__ insert(__Entity__ __entity__) {
        return mapper.toDomain(rows.insert(__entity__.organizationId().value(), __entity__.id().value(),
                __entity__.name(), __entity__.description(), __entity__.version()).getFirst());
    }

    @Override
    public Optional<__Entity__> findById(OrganizationId organizationId, __Entity__Id id) {
        return rows.find(organizationId.value(), id.value()).map(mapper::toDomain);
    }

    @Override
    public Page<__Entity__> list(OrganizationId organizationId, PageRequest<__Entity__Id> page) {
        var after = page.after().map(__Entity__Id::value).orElse(PersistedIds.NEWEST);
        var found = rows.listAfter(organizationId.value(), after, page.limit() + 1);
        return Page.fromOverfetch(found.stream().map(mapper::toDomain).toList(), page.limit());
    }

    @Override
    public Optional<__Entity__> update(__Entity__ __entity__) {
        return rows.updateIfVersion(__entity__.organizationId().value(), __entity__.id().value(), __entity__.version(),
                __entity__.name(), __entity__.description()).stream().findFirst().map(mapper::toDomain);
    }

    @Override
    public boolean delete(OrganizationId organizationId, __Entity__Id id, long version) {
        return rows.deleteIfVersion(organizationId.value(), id.value(), version) == 1;
    }
}
