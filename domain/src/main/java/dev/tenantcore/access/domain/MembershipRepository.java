package dev.tenantcore.access.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.shared.domain.Permission;
import dev.tenantcore.shared.domain.UserId;
import java.util.Optional;
import java.util.Set;

/** An organization's memberships and the roles they hold; every call runs inside a transaction for it. */
public interface MembershipRepository {

    /** Throws {@link dev.tenantcore.shared.domain.ConflictException} when the user is a member already. */
    void insert(Membership membership);

    Optional<Membership> findById(OrganizationId organizationId, UserId userId);

    /** The membership with the person's address, display name and role names. */
    Optional<Member> findMember(OrganizationId organizationId, UserId userId);

    /** Newest user first, keyset-paginated on the time-ordered user id. */
    Page<Member> list(OrganizationId organizationId, PageRequest<UserId> page);

    /**
     * Writes the status and the set of roles if the stored version is still {@code membership.version()}; returns
     * the membership as stored (new version), or empty if it was changed or removed meanwhile.
     */
    Optional<Membership> update(Membership membership);

    /** Removes the membership if its stored version is {@code version}; false if it changed or is gone. */
    boolean delete(OrganizationId organizationId, UserId userId, long version);

    /**
     * How many active members other than {@code excluded} hold the owner role, counted after taking the
     * organization's ownership lock, held until the transaction ends. Every change that may leave fewer active
     * owners counts through here first, so two such changes run one after the other, and the second sees the
     * first: together they cannot remove the last owner, though each alone would leave one.
     */
    long lockOwnersAndCountOthers(OrganizationId organizationId, UserId excluded);

    /** The permissions the member's roles grant, or empty when the user is not an active member. */
    Optional<Set<Permission>> activeMemberPermissions(OrganizationId organizationId, UserId userId);
}
