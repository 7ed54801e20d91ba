package dev.tenantcore.identity.application;

import dev.tenantcore.identity.domain.EmailAddress;
import dev.tenantcore.identity.domain.LoginLookup;
import dev.tenantcore.identity.domain.NewPassword;
import dev.tenantcore.identity.domain.User;
import dev.tenantcore.identity.domain.UserProfile;
import dev.tenantcore.identity.domain.UserRepository;
import dev.tenantcore.shared.domain.AuthenticationFailedException;
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
        // The rules first, so that a new and an existing address get the same answer to a bad password.
        var chosen = new NewPassword(password);
        var name = Text.required("owner.displayName", displayName, 200);
        if (logins.findByEmail(address, null).isPresent()) {
            throw new ConflictException("an account with this email exists: log in (with its password or through "
                    + "its identity provider), then sign up the organization with your access token and without owner");
        }
        var now = clock.instant();
        var user = User.register(address, now);
        return new Registration(user, passwords.hash(chosen.value()), UserProfile.initial(user.id(), name, now));
    }

    @Override
    public PreparedOwner signedIn(UserId userId) {
        return new Existing(userId);
    }

    @Override
    public void save(PreparedOwner owner) {
        switch (owner) {
            case Registration registration -> users.register(registration.user(), registration.passwordHash(),
                    registration.user().createdAt(), registration.profile());
            case Existing existing -> users.findById(existing.userId())
                    .filter(User::isActive)
                    .orElseThrow(AuthenticationFailedException::new);
            default -> throw new IllegalArgumentException("not an owner this service prepared");
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
