package dev.tenantcore.organizations.adapter.persistence;

import dev.tenantcore.organizations.domain.Organization;
import dev.tenantcore.organizations.domain.OrganizationRepository;
import dev.tenantcore.shared.adapter.persistence.ConstraintViolations;
import dev.tenantcore.shared.adapter.persistence.TenantSession;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.OrganizationId;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import java.util.Optional;

@Singleton
final class JdbcOrganizationRepository implements OrganizationRepository {
    private final OrganizationRowRepository rows;
    private final OrganizationRowMapper mapper;

    JdbcOrganizationRepository(OrganizationRowRepository rows, OrganizationRowMapper mapper) {
        this.rows = rows;
        this.mapper = mapper;
    }

    @Override
    public void insert(Organization organization) {
        TenantSession.require(organization.id());
        try {
            rows.save(mapper.toRow(organization));
        } catch (DataAccessException e) {
            if (ConstraintViolations.isUniqueViolation(e, "organizations_slug_key")) {
                throw new ConflictException("slug '" + organization.slug() + "' is already taken");
            }
            throw e;
        }
    }

    @Override
    public Optional<Organization> findById(OrganizationId id) {
        TenantSession.require(id);
        return rows.find(id.value()).map(mapper::toDomain);
    }

    @Override
    public Optional<Organization> update(Organization organization) {
        TenantSession.require(organization.id());
        return rows.updateIfVersion(organization.id().value(), organization.version(), organization.name())
                .stream().findFirst().map(mapper::toDomain);
    }
}
