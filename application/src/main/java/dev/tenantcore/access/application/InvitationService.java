package dev.tenantcore.access.application;

import dev.tenantcore.access.domain.AccessPermissions;
import dev.tenantcore.access.domain.Invitation;
import dev.tenantcore.access.domain.InvitationId;
import dev.tenantcore.access.domain.InvitationRepository;
import dev.tenantcore.access.domain.InvitationStatus;
import dev.tenantcore.access.domain.InvitationToken;
import dev.tenantcore.access.domain.RoleRepository;
import dev.tenantcore.shared.application.CurrentCaller;
import dev.tenantcore.shared.application.CurrentTenant;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.AccessDeniedException;
import dev.tenantcore.shared.domain.Actor;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.ExpectedVersion;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.shared.domain.ResourceNotFoundException;
import dev.tenantcore.shared.domain.UserId;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Inviting people to an organization, listing and revoking invitations, and accepting one. */
@Singleton
final class InvitationService implements CreateInvitationUseCase, ListInvitationsUseCase, RevokeInvitationUseCase,
        AcceptInvitationUseCase {
    private final InvitationRepository invitations;
    private final RoleRepository roles;
    private final Grantors grantors;
    private final InvitationAccounts accounts;
    private final MemberProvisioning members;
    private final TenantTransactions transactions;
    private final CurrentTenant currentTenant;
    private final CurrentCaller currentCaller;
    private final Clock clock;

    InvitationService(InvitationRepository invitations, RoleRepository roles, Grantors grantors,
            InvitationAccounts accounts, MemberProvisioning members, TenantTransactions transactions,
            CurrentTenant currentTenant, CurrentCaller currentCaller, Clock clock) {
        this.invitations = invitations;
        this.roles = roles;
        this.grantors = grantors;
        this.accounts = accounts;
        this.members = members;
        this.transactions = transactions;
        this.currentTenant = currentTenant;
        this.currentCaller = currentCaller;
        this.clock = clock;
    }

    @Override
    public Invitation.Issued invite(CreateInvitationCommand command) {
        currentTenant.require(AccessPermissions.MEMBERS_MANAGE);
        var organizationId = currentTenant.organizationId();
        var now = clock.instant();
        var issued = Invitation.issue(organizationId, command.email(), command.roles(), command.expiresInDaysOrNull(),
                now);
        var invitation = issued.invitation();
        return transactions.write(organizationId, () -> {
            // Nobody grants more than they hold, and only an owner grants the owner role (Grantor).
            grantors.forCaller(organizationId).requireMayGrant(RoleNames.resolve(roles, organizationId,
                    invitation.roles()));
            if (invitations.isMemberAddress(organizationId, invitation.email())) {
                throw new ConflictException("a member of this organization has this address already");
            }
            // An expired invitation is no longer open in any sense that matters; it makes way for the new one.
            invitations.findOpenByEmail(organizationId, invitation.email())
                    .filter(open -> open.status(now) == InvitationStatus.EXPIRED)
                    .ifPresent(expired -> {
                        if (!invitations.update(expired.revoked(now))) {
                            throw new ConflictException("an invitation for this address changed concurrently; retry");
                        }
                    });
            invitations.insert(invitation);
            return issued;
        });
    }

    @Override
    public Page<Invitation> list(PageRequest<InvitationId> page) {
        currentTenant.require(AccessPermissions.MEMBERS_MANAGE);
        var organizationId = currentTenant.organizationId();
        return transactions.read(organizationId, () -> invitations.list(organizationId, page));
    }

    @Override
    public void revoke(InvitationId id, ExpectedVersion expectedVersion) {
        currentTenant.require(AccessPermissions.MEMBERS_MANAGE);
        var organizationId = currentTenant.organizationId();
        transactions.write(organizationId, () -> {
            var invitation = invitations.findById(organizationId, id)
                    .orElseThrow(() -> new ResourceNotFoundException("invitation"));
            if (invitation.revokedAt() != null) {
                return null; // a retried revocation (same If-Match, now stale) must stay harmless
            }
            expectedVersion.check(invitation.version());
            if (!invitations.update(invitation.revoked(clock.instant()))) {
                var current = invitations.findById(organizationId, id);
                if (current.isEmpty() || current.get().revokedAt() == null) {
                    throw new ConflictException("the invitation was changed concurrently; retry");
                }
            }
            return null;
        });
    }

    @Override
    public InvitationAcceptance accept(AcceptInvitationCommand command) {
        var token = InvitationToken.parse(command.token()).orElseThrow(InvitationService::unknownInvitation);
        var caller = currentCaller.caller().actor();
        if (caller.type() == Actor.Type.API_KEY) {
            throw new AccessDeniedException("an invitation is accepted by a person: without a credential, or with "
                    + "the access token of the account it was sent to, not with an API key");
        }
        var organizationId = token.organizationId();
        // The token names its organization: everything below runs in that tenant's transactions, no other.
        var invitation = transactions.readLatest(organizationId, () -> load(organizationId, token));
        invitation.requireAcceptable(clock.instant());
        // Nobody joins without their own action: the signed-in person's token, or the account's password (a new
        // account's is chosen and hashed here, before the transaction: the slow part holds no connection).
        var invitee = caller.type() == Actor.Type.USER
                ? accounts.signedIn(invitation.email(), new UserId(caller.id()))
                : accounts.provenByPassword(invitation.email(), command.passwordOrNull(), command.displayNameOrNull());
        var userId = invitee.userId();
        return transactions.writeForUser(organizationId, userId, () -> {
            var now = clock.instant();
            var current = load(organizationId, token);
            var accepted = current.accepted(userId, now);
            if (!invitations.update(accepted)) {
                load(organizationId, token).requireAcceptable(now);
                throw new ConflictException("the invitation was changed concurrently; retry");
            }
            if (accepted.roles().isEmpty()) {
                throw new ConflictException("the roles of this invitation have been deleted; ask for a new one");
            }
            accounts.save(invitee);
            members.addMember(organizationId, userId, accepted.roles());
            return new InvitationAcceptance(organizationId, userId, accepted.roles(), invitee.isNew());
        });
    }

    /** The invitation the token is for; an unknown id and a wrong secret look the same. */
    private Invitation load(OrganizationId organizationId, InvitationToken token) {
        return invitations.findById(organizationId, token.invitationId())
                .filter(invitation -> invitation.matches(token))
                .orElseThrow(InvitationService::unknownInvitation);
    }

    private static ResourceNotFoundException unknownInvitation() {
        return new ResourceNotFoundException("invitation");
    }
}
