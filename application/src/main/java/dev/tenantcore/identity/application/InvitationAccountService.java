package dev.tenantcore.identity.application;

import dev.tenantcore.access.application.InvitationAccounts;
import dev.tenantcore.identity.domain.EmailAddress;
import dev.tenantcore.identity.domain.LoginCandidate;
import dev.tenantcore.identity.domain.LoginLookup;
import dev.tenantcore.identity.domain.NewPassword;
import dev.tenantcore.identity.domain.User;
import dev.tenantcore.identity.domain.UserProfile;
import dev.tenantcore.identity.domain.UserRepository;
import dev.tenantcore.shared.domain.AccessDeniedException;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.Text;
import dev.tenantcore.shared.domain.UserId;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** The accounts of invited people: the one their address already has, or a new one they set up on accepting. */
@Singleton
final class InvitationAccountService implements InvitationAccounts {
    private final LoginLookup logins;
    private final UserRepository users;
    private final PasswordHasher passwords;
    private final Clock clock;

    InvitationAccountService(LoginLookup logins, UserRepository users, PasswordHasher passwords, Clock clock) {
        this.logins = logins;
        this.users = users;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public Optional<UserId> findByEmail(String email) {
        var found = logins.findByEmail(new EmailAddress(email), null);
        if (found.isPresent() && found.get().userStatus() != User.Status.ACTIVE) {
            throw new AccessDeniedException("the account with this address is suspended");
        }
        return found.map(LoginCandidate::userId);
    }

    @Override
    public NewAccount prepare(String email, String password, String displayName) {
        var address = new EmailAddress(email);
        if (password == null) {
            throw new InvariantViolationException("password", "no account has the invited address yet: choose a "
                    + "password of " + NewPassword.MIN_LENGTH + " to " + NewPassword.MAX_LENGTH + " characters");
        }
        if (displayName == null) {
            throw new InvariantViolationException("displayName", "no account has the invited address yet: choose "
                    + "a display name");
        }
        var chosen = new NewPassword(password);
        var name = Text.required("displayName", displayName, 200);
        var now = clock.instant();
        var user = User.register(address, now);
        return new Registration(user, passwords.hash(chosen.value()), UserProfile.initial(user.id(), name, now));
    }

    @Override
    public void register(NewAccount account) {
        if (!(account instanceof Registration registration)) {
            throw new IllegalArgumentException("not an account this service prepared");
        }
        users.register(registration.user(), registration.passwordHash(), registration.user().createdAt(),
                registration.profile());
    }

    private record Registration(User user, String passwordHash, UserProfile profile) implements NewAccount {
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
        public String toString() {
            return "Registration[" + user.id() + "]"; // never the hash
        }
    }
}
