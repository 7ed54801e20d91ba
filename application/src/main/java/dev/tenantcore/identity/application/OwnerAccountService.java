package dev.tenantcore.identity.application;

import dev.tenantcore.identity.domain.EmailAddress;
import dev.tenantcore.identity.domain.LoginLookup;
import dev.tenantcore.identity.domain.NewPassword;
import dev.tenantcore.identity.domain.User;
import dev.tenantcore.identity.domain.UserProfile;
import dev.tenantcore.identity.domain.UserRepository;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.Text;
import dev.tenantcore.shared.domain.UserId;
import jakarta.inject.Singleton;
import java.time.Clock;

@Singleton
final class OwnerAccountService implements OwnerAccounts {
    private final LoginLookup logins;
    private final UserRepository users;
    private final PasswordHasher passwords;
    private final Clock clock;

    OwnerAccountService(LoginLookup logins, UserRepository users, PasswordHasher passwords, Clock clock) {
        this.logins = logins;
        this.users = users;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public PreparedOwner prepare(String email, String password, String displayName) {
        var address = new EmailAddress(email);
        var existing = logins.findByEmail(address, null);
        if (existing.isPresent()) {
            // Signing up another organization with an existing account: the account's own password proves it.
            var account = existing.get();
            var hash = account.passwordHash();
            var proven = hash == null ? passwords.verifyNothing(password) : passwords.verify(password, hash);
            if (!proven || account.userStatus() != User.Status.ACTIVE) {
                throw new ConflictException("an account with this email exists; sign up with its password to add "
                        + "the organization to it, or log in");
            }
            return new Existing(account.userId());
        }
        var chosen = new NewPassword(password);
        var name = Text.required("owner.displayName", displayName, 200);
        var now = clock.instant();
        var user = User.register(address, now);
        return new Registration(user, passwords.hash(chosen.value()), UserProfile.initial(user.id(), name, now));
    }

    @Override
    public void save(PreparedOwner owner) {
        if (owner instanceof Registration registration) {
            users.register(registration.user(), registration.passwordHash(), registration.user().createdAt(),
                    registration.profile());
        }
    }

    private record Existing(UserId userId) implements PreparedOwner {
        @Override
        public boolean isNew() {
            return false;
        }
    }

    private record Registration(User user, String passwordHash, UserProfile profile) implements PreparedOwner {
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
            return "Registration[" + user.id() + "]";
        }
    }
}
