package dev.tenantcore.identity.application;

import dev.tenantcore.identity.domain.AccountErasureRepository;
import dev.tenantcore.identity.domain.LinkedExternalLogin;
import dev.tenantcore.identity.domain.OwnMembership;
import dev.tenantcore.identity.domain.PersonalDataRepository;
import dev.tenantcore.identity.domain.PreferenceSettings;
import dev.tenantcore.identity.domain.RefreshSession;
import dev.tenantcore.identity.domain.RefreshToken;
import dev.tenantcore.identity.domain.RefreshTokenRepository;
import dev.tenantcore.identity.domain.User;
import dev.tenantcore.identity.domain.UserPreferences;
import dev.tenantcore.identity.domain.UserPreferencesRepository;
import dev.tenantcore.identity.domain.UserProfile;
import dev.tenantcore.identity.domain.UserProfileRepository;
import dev.tenantcore.identity.domain.UserRepository;
import dev.tenantcore.shared.application.FakeTenantTransactions;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A person's own rows and their memberships over maps, for the me-use-case tests: the ports' behaviour that the
 * use cases rely on (conditional updates bump the version, leaving an organization takes its refresh tokens along,
 * deleting the account takes the user's own rows), tenant checks as the JDBC adapters make them, and rollback
 * through {@link FakeTenantTransactions}.
 */
final class InMemoryPeople implements UserRepository, UserProfileRepository, UserPreferencesRepository,
        PersonalDataRepository, AccountErasureRepository, RefreshTokenRepository {

    /** A membership as the fake keeps it: state and role names. */
    record Member(OwnMembership.Status status, Set<String> roles, Instant since) {
    }

    private final FakeTenantTransactions transactions;
    private final Clock clock;

    private Map<UserId, User> users = new LinkedHashMap<>();
    private Map<UserId, String> passwordHashes = new HashMap<>();
    private Map<UserId, Instant> passwordChangedAt = new HashMap<>();
    private Map<UserId, UserProfile> profiles = new HashMap<>();
    private Map<UserId, UserPreferences> preferences = new HashMap<>();
    private Map<UserId, List<LinkedExternalLogin>> externalLogins = new HashMap<>();
    /** The refresh tokens themselves, with their own rollback; this fake adds when each was issued. */
    private final InMemoryRefreshTokens refreshTokens;
    private Map<UUID, Instant> refreshTokenCreatedAt = new HashMap<>();
    private Map<OrganizationId, Map<UserId, Member>> memberships = new LinkedHashMap<>();

    /** Ownership locks taken, in order: which organizations were checked under lock. */
    final List<OrganizationId> ownershipLocks = new ArrayList<>();
    /** Runs before the account lock is taken: a test adds a membership "concurrently" here. */
    Consumer<UserId> beforeAccountLock = userId -> { };
    /** An organization whose leaving fails (once), as a lost connection would. */
    OrganizationId failLeaving;

    InMemoryPeople(FakeTenantTransactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
        this.refreshTokens = new InMemoryRefreshTokens(transactions);
        transactions.register(this::snapshot);
    }

    private Runnable snapshot() {
        var savedUsers = new LinkedHashMap<>(users);
        var savedHashes = new HashMap<>(passwordHashes);
        var savedChanged = new HashMap<>(passwordChangedAt);
        var savedProfiles = new HashMap<>(profiles);
        var savedPreferences = new HashMap<>(preferences);
        var savedLogins = new HashMap<>(externalLogins);
        var savedCreated = new HashMap<>(refreshTokenCreatedAt);
        var savedMemberships = new LinkedHashMap<OrganizationId, Map<UserId, Member>>();
        memberships.forEach((organization, members) ->
                savedMemberships.put(organization, new LinkedHashMap<>(members)));
        return () -> {
            users = savedUsers;
            passwordHashes = savedHashes;
            passwordChangedAt = savedChanged;
            profiles = savedProfiles;
            preferences = savedPreferences;
            externalLogins = savedLogins;
            refreshTokenCreatedAt = savedCreated;
            memberships = savedMemberships;
        };
    }

    // Test set-up, outside transactions.

    void addMember(OrganizationId organizationId, UserId userId, OwnMembership.Status status, String... roles) {
        memberships.computeIfAbsent(organizationId, ignored -> new LinkedHashMap<>())
                .put(userId, new Member(status, Set.of(roles), clock.instant()));
    }

    void linkExternalLogin(UserId userId, LinkedExternalLogin login) {
        externalLogins.computeIfAbsent(userId, ignored -> new ArrayList<>()).add(login);
    }

    void issueRefreshToken(UserId userId, OrganizationId organizationId) {
        var token = RefreshToken.startFamily(userId, organizationId, clock.instant().plusSeconds(3600)).token();
        refreshTokens.stored.put(token.id(), token);
        refreshTokenCreatedAt.put(token.id(), clock.instant());
    }

    /** Another request's change, made between this one's reads. */
    void updatePasswordHashOutsideTheUseCase(UserId userId, String hash) {
        passwordHashes.put(userId, hash);
    }

    /** Another request's removal of a member. */
    void removeMemberOutsideTheUseCase(OrganizationId organizationId, UserId userId) {
        memberships.getOrDefault(organizationId, new HashMap<>()).remove(userId);
    }

    // What tests inspect.

    Map<UserId, Member> membersOf(OrganizationId organizationId) {
        return Map.copyOf(memberships.getOrDefault(organizationId, Map.of()));
    }

    List<RefreshToken> refreshTokensOf(UserId userId) {
        return refreshTokens.all().stream().filter(token -> token.userId().equals(userId)).toList();
    }

    boolean holdsAnythingOf(UserId userId) {
        return users.containsKey(userId) || passwordHashes.containsKey(userId) || profiles.containsKey(userId)
                || preferences.containsKey(userId) || externalLogins.containsKey(userId)
                || !refreshTokensOf(userId).isEmpty()
                || memberships.values().stream().anyMatch(members -> members.containsKey(userId));
    }

    Optional<String> passwordHashOf(UserId userId) {
        return Optional.ofNullable(passwordHashes.get(userId));
    }

    Optional<UserProfile> profileOf(UserId userId) {
        return Optional.ofNullable(profiles.get(userId));
    }

    Optional<UserPreferences> preferencesOf(UserId userId) {
        return Optional.ofNullable(preferences.get(userId));
    }

    private void requireTransaction() {
        transactions.activeTenant().orElseThrow(() -> new IllegalStateException("outside a tenant transaction"));
    }

    private void requireWritable() {
        transactions.requireWritable(transactions.activeTenant().orElseThrow());
    }

    // UserRepository

    @Override
    public void register(User user, String passwordHash, Instant changedAt, UserProfile profile) {
        if (transactions.activeTenant().isPresent()) {
            requireWritable();
        }
        users.put(user.id(), user);
        if (passwordHash != null) {
            passwordHashes.put(user.id(), passwordHash);
            passwordChangedAt.put(user.id(), changedAt);
        }
        profiles.put(user.id(), profile);
        preferences.put(user.id(), new UserPreferences(user.id(), true, UserPreferences.Theme.SYSTEM,
                PreferenceSettings.EMPTY, 1, user.createdAt(), user.createdAt()));
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
        return Optional.ofNullable(passwordHashes.get(id));
    }

    @Override
    public void updatePasswordHash(UserId id, String passwordHash, Instant changedAt) {
        requireWritable();
        passwordHashes.put(id, passwordHash);
        passwordChangedAt.put(id, changedAt);
    }

    // UserProfileRepository

    @Override
    public Optional<UserProfile> update(UserProfile revised) {
        requireWritable();
        var stored = profiles.get(revised.userId());
        if (stored == null || stored.version() != revised.version()) {
            return Optional.empty();
        }
        var next = new UserProfile(revised.userId(), revised.displayName(), revised.avatarUrl(), revised.locale(),
                revised.timeZone(), revised.bio(), revised.version() + 1, stored.createdAt(), clock.instant());
        profiles.put(next.userId(), next);
        return Optional.of(next);
    }

    // UserPreferencesRepository

    @Override
    public Optional<UserPreferences> findByUserId(UserId userId) {
        requireTransaction();
        return Optional.ofNullable(preferences.get(userId));
    }

    @Override
    public Optional<UserPreferences> update(UserPreferences revised) {
        requireWritable();
        var stored = preferences.get(revised.userId());
        if (stored == null || stored.version() != revised.version()) {
            return Optional.empty();
        }
        var next = new UserPreferences(revised.userId(), revised.emailNotifications(), revised.theme(),
                revised.settings(), revised.version() + 1, stored.createdAt(), clock.instant());
        preferences.put(next.userId(), next);
        return Optional.of(next);
    }

    // PersonalDataRepository

    @Override
    public Optional<Instant> findPasswordChangedAt(UserId userId) {
        requireTransaction();
        return Optional.ofNullable(passwordChangedAt.get(userId));
    }

    @Override
    public List<LinkedExternalLogin> findExternalLogins(UserId userId) {
        requireTransaction();
        return List.copyOf(externalLogins.getOrDefault(userId, List.of()));
    }

    @Override
    public List<RefreshSession> findRefreshSessions(UserId userId) {
        requireTransaction();
        return refreshTokensOf(userId).stream()
                .map(token -> new RefreshSession(token.id(), token.organizationId(), token.familyId(),
                        refreshTokenCreatedAt.get(token.id()), token.expiresAt(), token.usedAt(),
                        token.revokedAt()))
                .toList();
    }

    @Override
    public List<OwnMembership> findMemberships(OrganizationId current, UserId userId) {
        transactions.requireActive(current);
        var own = new ArrayList<OwnMembership>();
        memberships.forEach((organization, members) -> {
            var member = members.get(userId);
            if (member != null) {
                own.add(new OwnMembership(organization, member.status(),
                        organization.equals(current) ? member.roles() : null, member.since(), member.since()));
            }
        });
        own.sort(Comparator.comparing(OwnMembership::createdAt));
        return own;
    }

    // AccountErasureRepository

    @Override
    public boolean isLastActiveOwner(OrganizationId organizationId, UserId userId) {
        transactions.requireWritable(organizationId);
        ownershipLocks.add(organizationId);
        var members = memberships.getOrDefault(organizationId, Map.of());
        var activeOwners = members.entrySet().stream()
                .filter(entry -> entry.getValue().status() == OwnMembership.Status.ACTIVE
                        && entry.getValue().roles().contains("owner"))
                .map(Map.Entry::getKey)
                .toList();
        return activeOwners.equals(List.of(userId));
    }

    @Override
    public void leave(OrganizationId organizationId, UserId userId) {
        transactions.requireWritable(organizationId);
        var members = memberships.get(organizationId);
        if (members != null) {
            members.remove(userId);
        }
        if (organizationId.equals(failLeaving)) {
            failLeaving = null;
            throw new IllegalStateException("the connection was lost");
        }
        refreshTokens.stored.values().removeIf(token -> token.userId().equals(userId)
                && token.organizationId().equals(organizationId));
    }

    @Override
    public boolean lockAccount(UserId userId) {
        requireWritable();
        beforeAccountLock.accept(userId);
        return users.containsKey(userId);
    }

    @Override
    public void deleteAccount(UserId userId) {
        requireWritable();
        if (memberships.values().stream().anyMatch(members -> members.containsKey(userId))) {
            throw new IllegalStateException("the foreign key would cascade into another organization's members");
        }
        users.remove(userId);
        passwordHashes.remove(userId);
        passwordChangedAt.remove(userId);
        profiles.remove(userId);
        preferences.remove(userId);
        externalLogins.remove(userId);
    }

    // RefreshTokenRepository: the tenant checks here, the behaviour in InMemoryRefreshTokens

    @Override
    public void insert(RefreshToken token) {
        requireWritable();
        refreshTokens.insert(token);
        refreshTokenCreatedAt.put(token.id(), clock.instant());
    }

    @Override
    public Optional<RefreshToken> findById(UserId userId, UUID id) {
        requireTransaction();
        return refreshTokens.findById(userId, id);
    }

    @Override
    public boolean markUsed(UserId userId, UUID id, Instant at) {
        requireWritable();
        return refreshTokens.markUsed(userId, id, at);
    }

    @Override
    public void revokeFamily(UserId userId, UUID familyId, Instant at) {
        requireWritable();
        refreshTokens.revokeFamily(userId, familyId, at);
    }

    @Override
    public void revokeAll(UserId userId, Instant at) {
        requireWritable();
        refreshTokens.revokeAll(userId, at);
    }

    @Override
    public int revokeProviderSessions(UserId userId, OrganizationId organizationId, String provider, String subject,
            String sessionId, Instant at) {
        requireWritable();
        return refreshTokens.revokeProviderSessions(userId, organizationId, provider, subject, sessionId, at);
    }
}
