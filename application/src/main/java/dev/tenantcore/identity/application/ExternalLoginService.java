package dev.tenantcore.identity.application;

import dev.tenantcore.access.application.MemberProvisioning;
import dev.tenantcore.identity.domain.ExternalLogin;
import dev.tenantcore.identity.domain.ExternalLoginId;
import dev.tenantcore.identity.domain.ExternalLoginLookup;
import dev.tenantcore.identity.domain.ExternalLoginRepository;
import dev.tenantcore.identity.domain.LoginCandidate;
import dev.tenantcore.identity.domain.LoginLookup;
import dev.tenantcore.identity.domain.ProviderSession;
import dev.tenantcore.identity.domain.User;
import dev.tenantcore.identity.domain.UserRepository;
import dev.tenantcore.shared.application.CurrentCaller;
import dev.tenantcore.shared.application.CurrentTenant;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.AuthenticationFailedException;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.ResourceNotFoundException;
import dev.tenantcore.shared.domain.UserId;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Logging in through OpenID Connect providers, and a user's links to them. The provider's subject is the key: an
 * e-mail address a provider asserts is never enough on its own to enter an existing account, unless the
 * provider's policy says that provider may be trusted with it.
 */
@Singleton
final class ExternalLoginService implements LogInExternallyUseCase, StartExternalLinkUseCase,
        LinkExternalLoginUseCase, ListExternalLoginsUseCase, UnlinkExternalLoginUseCase {
    private static final System.Logger LOG = System.getLogger(ExternalLoginService.class.getName());
    private static final int MAX_ORGANIZATION_LENGTH = 1024;

    private final ExternalLoginLookup lookup;
    private final ExternalLoginRepository externalLogins;
    private final LoginLookup logins;
    private final UserRepository users;
    private final MemberProvisioning members;
    private final AuthenticationService sessions;
    private final TenantTransactions transactions;
    private final CurrentTenant currentTenant;
    private final CurrentCaller currentCaller;
    private final Clock clock;

    ExternalLoginService(ExternalLoginLookup lookup, ExternalLoginRepository externalLogins, LoginLookup logins,
            UserRepository users, MemberProvisioning members, AuthenticationService sessions,
            TenantTransactions transactions, CurrentTenant currentTenant, CurrentCaller currentCaller, Clock clock) {
        this.lookup = lookup;
        this.externalLogins = externalLogins;
        this.logins = logins;
        this.users = users;
        this.members = members;
        this.sessions = sessions;
        this.transactions = transactions;
        this.currentTenant = currentTenant;
        this.currentCaller = currentCaller;
        this.clock = clock;
    }

    @Override
    public Session logInExternal(ExternalLogInCommand command) {
        return logIn(command, null);
    }

    @Override
    public Session handOffExternal(ExternalLogInCommand command) {
        return logIn(command, HANDOFF_LIFETIME);
    }

    /** {@code firstRefreshLifetime} null: the configured refresh token lifetime. */
    private Session logIn(ExternalLogInCommand command, Duration firstRefreshLifetime) {
        var organization = command.organization() == null ? "" : command.organization().strip();
        if (organization.isEmpty() || organization.length() > MAX_ORGANIZATION_LENGTH) {
            throw new AuthenticationFailedException();
        }
        var organizationId = lookup.findOrganizationId(organization).orElseThrow(AuthenticationFailedException::new);
        var userId = accountOf(command.identity(), organizationId, command.policy());
        var permissions = transactions.readForUser(organizationId, userId,
                () -> members.activeMemberPermissions(organizationId, userId));
        if (permissions.isEmpty()) {
            throw new AuthenticationFailedException();
        }
        var identity = command.identity();
        var providerSession = command.providerRecheck() == null ? null : new ProviderSession(identity.provider(),
                identity.subject(), identity.sessionId(), clock.instant().plus(command.providerRecheck()));
        return sessions.startSession(userId, organizationId, permissions.get(), firstRefreshLifetime, providerSession);
    }

    /**
     * The account the identity logs in as, linking or creating it as the policy allows. A concurrent login of the
     * same new subject may win the race to link or create: then the second attempt finds its link.
     */
    private UserId accountOf(ExternalIdentity identity, OrganizationId organizationId, ExternalLoginPolicy policy) {
        try {
            return resolve(identity, organizationId, policy);
        } catch (ConflictException lostRace) {
            return lookup.findAccount(identity.provider(), identity.subject())
                    .filter(account -> account.status() == User.Status.ACTIVE)
                    .map(ExternalLoginLookup.LinkedAccount::userId)
                    .orElseThrow(() -> lostRace);
        }
    }

    private UserId resolve(ExternalIdentity identity, OrganizationId organizationId, ExternalLoginPolicy policy) {
        var linked = lookup.findAccount(identity.provider(), identity.subject());
        if (linked.isPresent()) {
            if (linked.get().status() != User.Status.ACTIVE) {
                throw new AuthenticationFailedException();
            }
            return linked.get().userId();
        }
        var email = identity.verifiedEmail();
        if (email.isEmpty()) {
            // Nothing links an unknown subject to anyone, and no account is made without a verified address: an
            // unverified one would let anyone claim someone else's address as their login name.
            throw new AuthenticationFailedException();
        }
        var existing = logins.findByEmail(email.get(), null);
        if (existing.isPresent()) {
            return linkByEmail(identity, existing.get(), organizationId, policy);
        }
        // A new account has no membership, so this login would end without one: an account made now would be an
        // orphan nobody can use (no password, no organization). Accounts come with their first membership, from
        // an invitation.
        throw new AuthenticationFailedException();
    }

    private UserId linkByEmail(ExternalIdentity identity, LoginCandidate account, OrganizationId organizationId,
            ExternalLoginPolicy policy) {
        if (!policy.linkByVerifiedEmail()) {
            throw new ConflictException("an account with this e-mail address exists; log in to it and link "
                    + identity.provider() + " under /v1/me/external-logins");
        }
        if (account.userStatus() != User.Status.ACTIVE) {
            throw new AuthenticationFailedException();
        }
        var userId = account.userId();
        transactions.writeForUser(organizationId, userId, () -> {
            externalLogins.insert(ExternalLogin.link(userId, identity.provider(), identity.subject(),
                    identity.email(), clock.instant()));
            return null;
        });
        LOG.log(System.Logger.Level.INFO, "linked {0} to user {1} by its verified e-mail address",
                identity.provider(), userId);
        return userId;
    }

    @Override
    public PendingLink startLink() {
        var userId = CurrentUserService.callingUser(currentCaller);
        var organizationId = currentTenant.organizationId();
        var active = transactions.readLatest(organizationId, () -> users.findById(userId).filter(User::isActive));
        if (active.isEmpty()) {
            throw new ResourceNotFoundException("user");
        }
        return new PendingLink(userId, organizationId);
    }

    @Override
    public Linked link(PendingLink pending, ExternalIdentity identity) {
        var userId = pending.userId();
        return transactions.writeForUser(pending.organizationId(), userId, () -> {
            if (users.findById(userId).filter(User::isActive).isEmpty()) {
                throw new AuthenticationFailedException();
            }
            var mine = externalLogins.findByUser(userId).stream()
                    .filter(login -> login.isFor(identity.provider(), identity.subject()))
                    .findFirst();
            if (mine.isPresent()) {
                return new Linked(mine.get(), false);
            }
            var login = ExternalLogin.link(userId, identity.provider(), identity.subject(), identity.email(),
                    clock.instant());
            try {
                externalLogins.insert(login);
            } catch (ConflictException taken) {
                throw new ConflictException("this " + identity.provider()
                        + " account is linked to another user; unlink it there first");
            }
            return new Linked(login, true);
        });
    }

    @Override
    public List<ExternalLogin> list() {
        var userId = CurrentUserService.callingUser(currentCaller);
        return transactions.read(currentTenant.organizationId(), () -> externalLogins.findByUser(userId));
    }

    @Override
    public void unlink(ExternalLoginId id) {
        var userId = CurrentUserService.callingUser(currentCaller);
        transactions.write(currentTenant.organizationId(), () -> {
            var links = externalLogins.lockByUser(userId);
            if (links.stream().noneMatch(login -> login.id().equals(id))) {
                throw new ResourceNotFoundException("external login");
            }
            if (links.size() == 1 && users.findPasswordHash(userId).isEmpty()) {
                throw new ConflictException("this is the account's only way to log in: link another provider or "
                        + "set a password first");
            }
            externalLogins.delete(userId, id);
            return null;
        });
    }
}
