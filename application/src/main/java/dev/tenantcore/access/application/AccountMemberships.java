package dev.tenantcore.access.application;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import java.util.List;

/**
 * One account's memberships, for the identity context (a person's data export and erasure), which depends on this
 * one and so reaches memberships, roles and invitations only through here. Every method joins the caller's tenant
 * transaction, which must be for {@code organizationId} (or {@code current}) and for the user; none checks the
 * caller's permissions: the use cases calling them decide who may.
 */
public interface AccountMemberships {

    /**
     * The user's memberships in every organization, oldest first, with role names for {@code current} (the
     * transaction's organization) only: other organizations' roles are theirs.
     */
    List<AccountMembership> findAll(OrganizationId current, UserId userId);

    /**
     * Whether the user is an active owner of the organization whom no other active owner backs up. Takes the
     * organization's ownership lock first (held until the transaction ends), the one member changes take too, so two
     * owners leaving at once cannot both see the other and leave no owner behind.
     */
    boolean isLastActiveOwner(OrganizationId organizationId, UserId userId);

    /**
     * Ends the user's membership of the organization: its roles and refresh tokens go with it, tasks assigned to the
     * user are unassigned, and invitations the user accepted forget who accepted them. Does nothing if the user is
     * not a member. The audit trigger records the removals in the organization's log.
     */
    void leaveOrganization(OrganizationId organizationId, UserId userId);
}
