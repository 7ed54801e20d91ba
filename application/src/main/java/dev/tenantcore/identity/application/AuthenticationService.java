package dev.tenantcore.identity.application;

import dev.tenantcore.access.application.MemberProvisioning;
import dev.tenantcore.identity.domain.EmailAddress;
import dev.tenantcore.identity.domain.LoginCandidate;
import dev.tenantcore.identity.domain.LoginLookup;
import dev.tenantcore.identity.domain.ProviderSession;
import dev.tenantcore.identity.domain.RefreshToken;
import dev.tenantcore.identity.domain.RefreshTokenRepository;
import dev.tenantcore.identity.domain.RefreshTokenValue;
import dev.tenantcore.identity.domain.User;
import dev.tenantcore.identity.domain.UserRepository;
import dev.tenantcore.shared.application.CurrentCaller;
import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.AuthenticationFailedException;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Permission;
import dev.tenantcore.shared.domain.TooManyAttemptsException;
import dev.tenantcore.shared.domain.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Password login, refresh-token rotation, logout. */
@Singleton
final class AuthenticationService implements LogInUseCase, RefreshSessionUseCase, LogOutUseCase {
    private static final System.Logger LOG = System.getLogger(AuthenticationService.class.getName());
    private static final int MAX_LOGIN_FIELD_LENGTH = 1024;

    /** How a failed login waits before it answers; a test passes one that does not sleep. */
    interface Pause {
        void pause(Duration duration);
    }

    private final LoginLookup logins;
    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final MemberProvisioning members;
    private final PasswordHasher passwords;
    private final LoginThrottle throttle;
    private final TenantTransactions transactions;
    private final CurrentCaller currentCaller;
    private final SessionSettings settings;
    private final Clock clock;
    private final Pause pause;

    @Inject
    AuthenticationService(LoginLookup logins, UserRepository users, RefreshTokenRepository refreshTokens,
            MemberProvisioning members, PasswordHasher passwords, LoginThrottle throttle,
            TenantTransactions transactions, CurrentCaller currentCaller, SessionSettings settings, Clock clock) {
        this(logins, users, refreshTokens, members, passwords, throttle, transactions, currentCaller, settings, clock,
                AuthenticationService::sleep);
    }

    AuthenticationService(LoginLookup logins, UserRepository users, RefreshTokenRepository refreshTokens,
            MemberProvisioning members, PasswordHasher passwords, LoginThrottle throttle,
            TenantTransactions transactions, CurrentCaller currentCaller, SessionSettings settings, Clock clock,
            Pause pause) {
        this.logins = logins;
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.members = members;
        this.passwords = passwords;
        this.throttle = throttle;
        this.transactions = transactions;
        this.currentCaller = currentCaller;
        this.settings = settings;
        this.clock = clock;
        this.pause = pause;
    }

    @Override
    public Session logIn(LogInCommand command) {
        var email = command.email() == null ? "" : command.email().strip();
        var password = command.password() == null ? "" : command.password();
        var address = currentCaller.caller().clientAddress();
        var refusal = throttle.refusal(clip(email), address);
        if (refusal.isPresent()) {
            throw new TooManyAttemptsException(refusal.get());
        }
        var verified = verify(email, password, command.organization());
        if (verified.isEmpty()) {
            pause.pause(throttle.recordFailure(clip(email), address));
            throw new AuthenticationFailedException();
        }
        throttle.recordSuccess(clip(email), address);
        var candidate = verified.get();
        var membership = candidate.membership().orElseThrow();
        rehashIfWeak(candidate, membership.organizationId(), password);
        return startSession(candidate.userId(), membership.organizationId(), membership.permissions());
    }

    /**
     * The candidate if everything checks out, else empty, after the same work either way: one password
     * verification, also for unknown addresses and accounts without a password.
     */
    private Optional<LoginCandidate> verify(String email, String password, String organization) {
        Optional<LoginCandidate> candidate;
        try {
            candidate = email.length() > MAX_LOGIN_FIELD_LENGTH || organization == null
                    || organization.length() > MAX_LOGIN_FIELD_LENGTH || password.length() > MAX_LOGIN_FIELD_LENGTH
                    ? Optional.empty()
                    : logins.findByEmail(new EmailAddress(email), organization.strip());
        } catch (InvariantViolationException malformed) {
            candidate = Optional.empty();
        }
        var hash = candidate.map(LoginCandidate::passwordHash).orElse(null);
        var proven = hash == null ? passwords.verifyNothing(password) : passwords.verify(password, hash);
        return candidate.filter(found -> proven && found.userStatus() == User.Status.ACTIVE
                && found.membership().filter(LoginCandidate.Membership::active).isPresent());
    }

    /** Hashes made with weaker parameters than today's are replaced while the password is at hand. */
    private void rehashIfWeak(LoginCandidate candidate, OrganizationId organizationId, String password) {
        if (!passwords.needsRehash(candidate.passwordHash())) {
            return;
        }
        try {
            var stronger = passwords.hash(password);
            transactions.writeForUser(organizationId, candidate.userId(), () -> {
                users.updatePasswordHash(candidate.userId(), stronger, clock.instant());
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not re-hash the password of user {0}: {1}",
                    candidate.userId(), e.getMessage());
        }
    }

    /** Issues the tokens of a new login (also for logins through a provider: {@link ExternalLoginService}). */
    Session startSession(UserId userId, OrganizationId organizationId, Set<Permission> permissions) {
        return startSession(userId, organizationId, permissions, null, null);
    }

    /**
     * A new login whose first refresh token lasts {@code refreshLifetime} (null: the usual time; its successors
     * always get the usual time), and whose tokens all end with the provider session it came through, if any.
     */
    Session startSession(UserId userId, OrganizationId organizationId, Set<Permission> permissions,
            Duration refreshLifetime, ProviderSession providerSession) {
        var now = clock.instant();
        var refreshExpiresAt = now.plus(refreshLifetime == null ? settings.refreshTokenLifetime() : refreshLifetime);
        var issued = providerSession == null ? RefreshToken.startFamily(userId, organizationId, refreshExpiresAt)
                : RefreshToken.startFamily(userId, organizationId, refreshExpiresAt, providerSession);
        refreshExpiresAt = issued.token().expiresAt();
        transactions.writeForUser(organizationId, userId, () -> {
            refreshTokens.insert(issued.token());
            return null;
        });
        return new Session(userId, organizationId, permissions, now.plus(settings.accessTokenLifetime()),
                issued.value().reveal(), refreshExpiresAt);
    }

    @Override
    public Session refresh(String presented) {
        var value = RefreshTokenValue.parse(presented).orElseThrow(AuthenticationFailedException::new);
        var userId = value.userId();
        var organizationId = value.organizationId();
        var now = clock.instant();
        // The outcome is returned, not thrown, from the transaction: revoking a family on reuse must commit.
        var outcome = transactions.writeForUser(organizationId, userId, () -> {
            var stored = refreshTokens.findById(userId, value.tokenId()).filter(token -> token.matches(value));
            if (stored.isEmpty()) {
                return Optional.<Session>empty();
            }
            var token = stored.get();
            if (token.revokedAt() != null || !token.expiresAt().isAfter(now)) {
                return Optional.<Session>empty();
            }
            if (token.usedAt() != null || !refreshTokens.markUsed(userId, token.id(), now)) {
                LOG.log(System.Logger.Level.WARNING, "refresh token reused; revoking its family for user {0}",
                        userId);
                refreshTokens.revokeFamily(userId, token.familyId(), now);
                return Optional.<Session>empty();
            }
            var active = users.findById(userId).filter(User::isActive).isPresent();
            var permissions = members.activeMemberPermissions(organizationId, userId);
            if (!active || permissions.isEmpty()) {
                refreshTokens.revokeFamily(userId, token.familyId(), now);
                return Optional.<Session>empty();
            }
            var next = token.successor(now.plus(settings.refreshTokenLifetime()));
            refreshTokens.insert(next.token());
            return Optional.of(new Session(userId, organizationId, permissions.get(),
                    now.plus(settings.accessTokenLifetime()), next.value().reveal(), next.token().expiresAt()));
        });
        return outcome.orElseThrow(AuthenticationFailedException::new);
    }

    @Override
    public void logOut(String presented) {
        var value = RefreshTokenValue.parse(presented);
        if (value.isEmpty()) {
            return;
        }
        var userId = value.get().userId();
        transactions.writeForUser(value.get().organizationId(), userId, () -> {
            refreshTokens.findById(userId, value.get().tokenId())
                    .filter(token -> token.matches(value.get()))
                    .ifPresent(token -> refreshTokens.revokeFamily(userId, token.familyId(), clock.instant()));
            return null;
        });
    }

    /** The throttle's key for an address: bounded, whatever was sent. */
    private static String clip(String email) {
        return email.length() <= 320 ? email : email.substring(0, 320);
    }

    private static void sleep(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
