package dev.tenantcore.identity.application;

import dev.tenantcore.access.application.InvitationAccounts;
import dev.tenantcore.identity.domain.EmailAddress;
import dev.tenantcore.identity.domain.LoginLookup;
import dev.tenantcore.identity.domain.NewPassword;
import dev.tenantcore.identity.domain.User;
import dev.tenantcore.identity.domain.UserProfile;
import dev.tenantcore.identity.domain.UserRepository;
import dev.tenantcore.shared.domain.AccessDeniedException;
import dev.tenantcore.shared.domain.AuthenticationFailedException;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.Text;
import dev.tenantcore.shared.domain.UserId;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Objects;

/**
 * The accounts of invited people: the one their address already has, which accepts with its own credential, or a
 * new one they set up on accepting.
 */
@Singleton
final class InvitationAccountService implements InvitationAccounts {
    private final LoginLookup logins;
    private final UserRepository users;
    private final PasswordHasher passwords;
    private final ThrottledPasswordCheck passwordCheck;
    private final Clock clock;

    InvitationAccountService(LoginLookup logins, UserRepository users, PasswordHasher passwords,
            ThrottledPasswordCheck passwordCheck, Clock clock) {
        this.logins = logins;
        this.users = users;
        this.passwords = passwords;
        this.passwordCheck = passwordCheck;
        this.clock = clock;
    }

    @Override
    public Invitee provenByPassword(String email, String password, String displayName) {
        var address = new EmailAddress(email);
        if (password == null) {
            throw new InvariantViolationException("password", "send the password of the account with the invited "
                    + "address, or choose one of " + NewPassword.MIN_LENGTH + " to " + NewPassword.MAX_LENGTH
                    + " characters for a new account (or accept with your access token)");
        }
        var chosen = new NewPassword(password);
        var found = logins.findByEmail(address, null);
        if (found.isPresent()) {
            var account = found.get();
            if (!passwordCheck.proves(address.value(), password, account.passwordHash())) {
                if (account.passwordHash() == null) {
                    // No password can prove it (the check still ran, throttled and timed like any other): it logs
                    // in through an identity provider, and accepts with that login's access token.
                    throw new ConflictException("the account with the invited address has no password: log in "
                            + "through its identity provider, then accept the invitation with your access token");
                }
                throw new AuthenticationFailedException();
            }
            requireActive(account.userStatus());
            return new Existing(account.userId());
        }
        if (displayName == null) {
            throw new InvariantViolationException("displayName", "no account has the invited address yet: choose "
                    + "a display name");
        }
        var name = Text.required("displayName", displayName, 200);
        var now = clock.instant();
        var user = User.register(address, now);
        return new Registration(user, passwords.hash(chosen.value()), UserProfile.initial(user.id(), name, now));
    }

    @Override
    public Invitee signedIn(String email, UserId userId) {
        var found = logins.findByEmail(new EmailAddress(email), null)
                .filter(account -> account.userId().equals(userId))
                .orElseThrow(() -> new AccessDeniedException("this invitation was sent to another address than "
                        + "your account's; accept it without your access token"));
        requireActive(found.userStatus());
        return new Existing(userId);
    }

    @Override
    public void save(Invitee invitee) {
        switch (invitee) {
            case Registration registration -> users.register(registration.user(), registration.passwordHash(),
                    registration.user().createdAt(), registration.profile());
            case Existing ignored -> {
                // nothing to write: the account is there, and proved itself
            }
            default -> throw new IllegalArgumentException("not an account this service prepared");
        }
    }

    private static void requireActive(User.Status status) {
        if (status != User.Status.ACTIVE) {
            throw new AccessDeniedException("the account with this address is suspended");
        }
    }

    private record Existing(UserId userId) implements Invitee {
        private Existing {
            Objects.requireNonNull(userId, "userId");
        }

        @Override
        public boolean isNew() {
            return false;
        }
    }

    private record Registration(User user, String passwordHash, UserProfile profile) implements Invitee {
        private Registration {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(passwordHash, "passwordHash");
            Objects.requireNonNull(profile, "profile");
        }

        @Override
        public UserId userId() {
            return user.id();
        }

        @Override
        public boolean isNew() {
            return true;
        }

        @Override
        public String toString() {
            return "Registration[" + user.id() + "]"; // never the hash
        }
    }
}
