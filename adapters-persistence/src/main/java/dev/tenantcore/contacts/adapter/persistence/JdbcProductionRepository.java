package dev.tenantcore.contacts.adapter.persistence;

import dev.tenantcore.contacts.domain.Production;
import dev.tenantcore.contacts.domain.ProductionId;
import dev.tenantcore.contacts.domain.ProductionRepository;
import dev.tenantcore.shared.adapter.persistence.ConstraintViolations;
import dev.tenantcore.shared.adapter.persistence.PersistedIds;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** The tenant statement guard refuses these statements outside the organization's transaction. */
@Singleton
final class JdbcProductionRepository implements ProductionRepository {
    /**
     * What the database may still refuse in metadata the domain let through: the size check on jsonb's text
     * (check_violation), text jsonb cannot read (invalid_text_representation, untranslatable_character).
     */
    private static final List<String> REFUSED_JSON = List.of("23514", "22P02", "22P05");

    private final ProductionRowRepository rows;
    private final ProductionRowMapper mapper;

    JdbcProductionRepository(ProductionRowRepository rows, ProductionRowMapper mapper) {
        this.rows = rows;
        this.mapper = mapper;
    }

    @Override
    public Production insert(Production production) {
        try {
            return mapper.toDomain(rows.insert(production.organizationId().value(), production.id().value(),
                    production.name(), production.code(), production.status().code(), production.startDate(),
                    production.endDate(), production.metadata().json(), production.version()).getFirst());
        } catch (DataAccessException e) {
            throw refusal(e);
        }
    }

    @Override
    public Optional<Production> findById(OrganizationId organizationId, ProductionId id) {
        return rows.find(organizationId.value(), id.value()).map(mapper::toDomain);
    }

    @Override
    public Page<Production> list(OrganizationId organizationId, PageRequest<ProductionId> page) {
        var after = page.after().map(ProductionId::value).orElse(PersistedIds.NEWEST);
        var found = rows.listAfter(organizationId.value(), after, page.limit() + 1);
        return Page.fromOverfetch(found.stream().map(mapper::toDomain).toList(), page.limit());
    }

    @Override
    public Optional<Production> update(Production production) {
        try {
            return rows.updateIfVersion(production.organizationId().value(), production.id().value(),
                    production.version(), production.name(), production.code(), production.status().code(),
                    production.startDate(), production.endDate(), production.metadata().json())
                    .stream().findFirst().map(mapper::toDomain);
        } catch (DataAccessException e) {
            throw refusal(e);
        }
    }

    /** contacts_production_fkey restricts: a production that contacts name, in the trash too, stays. */
    @Override
    public boolean delete(OrganizationId organizationId, ProductionId id, long version) {
        try {
            return rows.deleteIfVersion(organizationId.value(), id.value(), version) == 1;
        } catch (DataAccessException e) {
            if (ConstraintViolations.isForeignKeyViolation(e, "contacts_production_fkey")) {
                throw new ConflictException("contacts belong to the production (in the trash too): move them to "
                        + "another production first");
            }
            throw e;
        }
    }

    private static RuntimeException refusal(DataAccessException failure) {
        if (ConstraintViolations.isUniqueViolation(failure, "productions_code_key")) {
            return new ConflictException(Production.CODE_TAKEN);
        }
        if (REFUSED_JSON.stream().anyMatch(state -> ConstraintViolations.hasSqlState(failure, state))) {
            return new InvariantViolationException("metadata",
                    "metadata must be a JSON object of at most 16384 characters");
        }
        return failure;
    }
}
