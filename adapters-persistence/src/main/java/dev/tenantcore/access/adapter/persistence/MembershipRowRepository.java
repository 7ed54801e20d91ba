package dev.tenantcore.access.adapter.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.UUID;

/**
 * Every statement names the organization explicitly; row-level security is the backstop, not the filter. The
 * statements over the roles held, which bind arrays, and the reads joined with the person are in
 * {@link JdbcMembershipRepository}.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface MembershipRowRepository extends GenericRepository<MembershipRow, UUID> {

    MembershipRow save(MembershipRow row);

    /** Bumps the version also when only the roles change: the ETag covers the roles a member holds. */
    @Query("""
            UPDATE memberships SET status = :status, version = version + 1
            WHERE organization_id = :organizationId AND user_id = :userId AND version = :version
            RETURNING *""")
    List<MembershipRow> updateIfVersion(UUID organizationId, UUID userId, long version, String status);

    @Query("""
            DELETE FROM memberships
            WHERE organization_id = :organizationId AND user_id = :userId AND version = :version""")
    long deleteIfVersion(UUID organizationId, UUID userId, long version);
}
