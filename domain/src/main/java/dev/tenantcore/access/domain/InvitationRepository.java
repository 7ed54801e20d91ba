package dev.tenantcore.access.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import java.util.Optional;

/** An organization's invitations; every call runs inside a transaction for {@code organizationId}. */
public interface InvitationRepository {

    /**
     * Inserts the invitation with its roles, named as in {@link Invitation#roles()}. Throws
     * {@link dev.tenantcore.shared.domain.ConflictException} when the organization has an open (neither accepted
     * nor revoked) invitation for the address already, and
     * {@link dev.tenantcore.shared.domain.InvariantViolationException} ({@code roles}) when a role does not exist.
     */
    void insert(Invitation invitation);

    Optional<Invitation> findById(OrganizationId organizationId, InvitationId id);

    /** The invitation for the address that is neither accepted nor revoked (it may have expired), if any. */
    Optional<Invitation> findOpenByEmail(OrganizationId organizationId, String email);

    /** Newest first, accepted, revoked and expired ones included. */
    Page<Invitation> list(OrganizationId organizationId, PageRequest<InvitationId> page);

    /**
     * Writes an acceptance or a revocation (address, acceptedAt, acceptedBy, revokedAt) if the stored version is
     * still {@code invitation.version()}; false if it was changed meanwhile.
     */
    boolean update(Invitation invitation);

    /** Whether a member of the organization, active or suspended, has this address (compared case-insensitively). */
    boolean isMemberAddress(OrganizationId organizationId, String email);
}
