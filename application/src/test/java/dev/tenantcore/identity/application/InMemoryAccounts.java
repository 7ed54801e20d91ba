package dev.tenantcore.identity.application;

import dev.tenantcore.identity.domain.EmailAddress;
import dev.tenantcore.identity.domain.ExternalLogin;
import dev.tenantcore.identity.domain.ExternalLoginId;
import dev.tenantcore.identity.domain.ExternalLoginLookup;
import dev.tenantcore.identity.domain.ExternalLoginRepository;
import dev.tenantcore.identity.domain.LoginCandidate;
import dev.tenantcore.identity.domain.LoginLookup;
import dev.tenantcore.identity.domain.User;
import dev.tenantcore.identity.domain.UserProfile;
import dev.tenantcore.identity.domain.UserRepository;
import dev.tenantcore.shared.application.FakeTenantTransactions;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Accounts, passwords, profiles, provider links and organization names in memory, with the database's unique
 * rules (one account per address, one link per provider subject), rolled back with the fake transactions. Every
 * write checks it runs in a writable transaction, as the database's row-level security would insist.
 */
final class InMemoryAccounts implements UserRepository, LoginLookup, ExternalLoginRepository, ExternalLoginLookup,
        FakeTenantTransactions.Participant {
    private final FakeTenantTransactions transactions;
    private Map<UserId, User> users = new LinkedHashMap<>();
    private Map<UserId, String> passwords = new HashMap<>();
    private Map<UserId, UserProfile> profiles = new HashMap<>();
    private Map<ExternalLoginId, ExternalLogin> links = new LinkedHashMap<>();
    private final Map<String, OrganizationId> organizations = new HashMap<>();
    /** Links the next insert pretends a concurrent transaction committed just before it. */
    private final List<ExternalLogin> racingLinks = new ArrayList<>();
    /** What concurrent transactions committed: a rollback of this one keeps it. */
    private final List<ExternalLogin> committedElsewhere = new ArrayList<>();

    InMemoryAccounts(FakeTenantTransactions transactions) {
        this.transactions = transactions;
        transactions.register(this);
    }

    @Override
    public Runnable snapshot() {
        var savedUsers = new LinkedHashMap<>(users);
        var savedPasswords = new HashMap<>(passwords);
        var savedProfiles = new HashMap<>(profiles);
        var savedLinks = new LinkedHashMap<>(links);
        return () -> {
            users = savedUsers;
            passwords = savedPasswords;
            profiles = savedProfiles;
            links = savedLinks;
            committedElsewhere.forEach(login -> links.put(login.id(), login));
        };
    }

    // --- test set-up ---------------------------------------------------------------------------------------------

    OrganizationId organization(String slug) {
        return organizations.computeIfAbsent(slug, ignored -> OrganizationId.generate());
    }

    User account(String email, String passwordHashOrNull) {
        var user = User.register(new EmailAddress(email), Instant.parse("2026-01-01T00:00:00Z"));
        users.put(user.id(), user);
        if (passwordHashOrNull != null) {
            passwords.put(user.id(), passwordHashOrNull);
        }
        return user;
    }

    void suspend(UserId userId) {
        var user = users.get(userId);
        users.put(userId, new User(user.id(), user.email(), User.Status.SUSPENDED, user.version() + 1,
                user.createdAt(), user.updatedAt()));
    }

    ExternalLogin linked(UserId userId, String provider, String subject) {
        var login = ExternalLogin.link(userId, provider, subject, null, Instant.parse("2026-01-02T00:00:00Z"));
        links.put(login.id(), login);
        return login;
    }

    void linkConcurrentlyOnNextInsert(ExternalLogin login) {
        racingLinks.add(login);
    }

    List<User> allUsers() {
        return List.copyOf(users.values());
    }

    List<ExternalLogin> allLinks() {
        return List.copyOf(links.values());
    }

    // --- UserRepository ------------------------------------------------------------------------------------------

    @Override
    public void register(User user, String passwordHash, Instant passwordChangedAt, UserProfile profile) {
        requireWritable();
        if (users.values().stream().anyMatch(other -> other.email().key().equals(user.email().key()))) {
            throw new ConflictException("an account with this e-mail address exists");
        }
        users.put(user.id(), user);
        profiles.put(user.id(), profile);
        if (passwordHash != null) {
            passwords.put(user.id(), passwordHash);
        }
    }

    @Override
    public Optional<User> findById(UserId id) {
        requireTransaction();
        return Optional.ofNullable(users.get(id));
    }

    @Override
    public Optional<UserProfile> findProfile(UserId id) {
        requireTransaction();
        return Optional.ofNullable(profiles.get(id));
    }

    @Override
    public Optional<String> findPasswordHash(UserId id) {
        requireTransaction();
        return Optional.ofNullable(passwords.get(id));
    }

    @Override
    public void updatePasswordHash(UserId id, String passwordHash, Instant changedAt) {
        requireWritable();
        passwords.put(id, passwordHash);
    }

    // --- LoginLookup (outside transactions, like the SECURITY DEFINER function) ----------------------------------

    @Override
    public Optional<LoginCandidate> findByEmail(EmailAddress email, String organizationSlugOrId) {
        return users.values().stream()
                .filter(user -> user.email().key().equals(email.key()))
                .findFirst()
                .map(user -> new LoginCandidate(user.id(), user.status(), passwords.get(user.id()), Optional.empty()));
    }

    // --- ExternalLoginRepository ---------------------------------------------------------------------------------

    @Override
    public void insert(ExternalLogin login) {
        requireWritable();
        racingLinks.forEach(racing -> links.put(racing.id(), racing));
        committedElsewhere.addAll(racingLinks);
        racingLinks.clear();
        if (links.values().stream().anyMatch(other -> other.isFor(login.provider(), login.subject()))) {
            throw new ConflictException("this provider subject is already linked");
        }
        links.put(login.id(), login);
    }

    @Override
    public List<ExternalLogin> findByUser(UserId userId) {
        requireTransaction();
        return links.values().stream().filter(login -> login.userId().equals(userId))
                .sorted(Comparator.comparing(login -> login.id().value())).toList();
    }

    @Override
    public List<ExternalLogin> lockByUser(UserId userId) {
        requireWritable();
        return findByUser(userId);
    }

    @Override
    public boolean delete(UserId userId, ExternalLoginId id) {
        requireWritable();
        var login = links.get(id);
        if (login == null || !login.userId().equals(userId)) {
            return false;
        }
        links.remove(id);
        return true;
    }

    // --- ExternalLoginLookup -------------------------------------------------------------------------------------

    @Override
    public Optional<LinkedAccount> findAccount(String provider, String subject) {
        return links.values().stream().filter(login -> login.isFor(provider, subject)).findFirst()
                .map(login -> new LinkedAccount(login.userId(), users.get(login.userId()).status()));
    }

    @Override
    public List<Membership> findMemberships(String provider, String subject) {
        throw new AssertionError("not used by these tests: the memberships live in the tests' MemberProvisioning");
    }

    @Override
    public Optional<OrganizationId> findOrganizationId(String slugOrId) {
        return Optional.ofNullable(organizations.get(slugOrId)).or(() -> organizations.values().stream()
                .filter(id -> id.value().toString().equals(slugOrId)).findFirst());
    }

    private void requireTransaction() {
        transactions.requireActive(transactions.activeTenant()
                .orElseThrow(() -> new IllegalStateException("user data accessed outside a transaction")));
    }

    private void requireWritable() {
        transactions.requireWritable(transactions.activeTenant()
                .orElseThrow(() -> new IllegalStateException("user data written outside a transaction")));
    }
}
