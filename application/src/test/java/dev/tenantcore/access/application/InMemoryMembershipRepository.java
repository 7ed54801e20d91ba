package dev.tenantcore.access.application;

import dev.tenantcore.access.domain.BuiltinRole;
import dev.tenantcore.access.domain.Member;
import dev.tenantcore.access.domain.Membership;
import dev.tenantcore.access.domain.MembershipRepository;
import dev.tenantcore.access.domain.Role;
import dev.tenantcore.access.domain.RoleId;
import dev.tenantcore.shared.application.FakeTenantTransactions;
import dev.tenantcore.shared.application.TimeOrderedIds;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.shared.domain.Permission;
import dev.tenantcore.shared.domain.UserId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The membership port over a map, honouring its contract: conditional update and delete on the stored version
 * (bumped on every update), newest user first. The people (address, display name) are given by the test, as the
 * identity context's tables would hold them. Roles deleted from the role repository disappear from memberships, as
 * the database's cascade makes them. Each call checks that a transaction for the organization is active.
 */
public final class InMemoryMembershipRepository implements MembershipRepository {
    private final FakeTenantTransactions transactions;
    private final Clock clock;
    private final InMemoryRoleRepository roles;
    private final Map<String, Membership> stored = new LinkedHashMap<>();
    private final Map<UserId, String[]> people = new HashMap<>();
    private final List<String> writes = new ArrayList<>();
    private final List<OrganizationId> ownerLocks = new ArrayList<>();
    private Runnable beforeNextWrite;

    public InMemoryMembershipRepository(FakeTenantTransactions transactions, Clock clock,
            InMemoryRoleRepository roles) {
        this.transactions = transactions;
        this.clock = clock;
        this.roles = roles;
        transactions.register(() -> {
            var copy = new LinkedHashMap<>(stored);
            return () -> {
                stored.clear();
                stored.putAll(copy);
            };
        });
    }

    // ---- test set-up and inspection; these bypass the tenant checks on purpose ----

    /** A person with an account: what the identity context's users and user_profiles would hold. */
    public void givenPerson(UserId userId, String email, String displayNameOrNull) {
        people.put(userId, new String[] {email, displayNameOrNull});
    }

    public void given(Membership... memberships) {
        for (Membership membership : memberships) {
            people.putIfAbsent(membership.userId(), new String[] {membership.userId() + "@example.com", null});
            stored.put(key(membership.organizationId(), membership.userId()), membership);
        }
    }

    public Optional<Membership> stored(OrganizationId organizationId, UserId userId) {
        return Optional.ofNullable(stored.get(key(organizationId, userId))).map(this::withExistingRoles);
    }

    /** The write calls made (insert, update, delete), successful or not, in order. */
    public List<String> writes() {
        return List.copyOf(writes);
    }

    /** Runs {@code interference} at the start of the next update or delete: another request got there first. */
    public void beforeNextWrite(Runnable interference) {
        this.beforeNextWrite = interference;
    }

    /** The organizations whose ownership lock was taken, in order. */
    public List<OrganizationId> ownerLocks() {
        return List.copyOf(ownerLocks);
    }

    // ---- the port ----

    @Override
    public void insert(Membership membership) {
        transactions.requireWritable(membership.organizationId());
        writes.add("insert " + membership.userId());
        var key = key(membership.organizationId(), membership.userId());
        if (stored.containsKey(key)) {
            throw new ConflictException("the user is a member already");
        }
        stored.put(key, membership);
    }

    @Override
    public Optional<Membership> findById(OrganizationId organizationId, UserId userId) {
        transactions.requireActive(organizationId);
        return stored(organizationId, userId);
    }

    @Override
    public Optional<Member> findMember(OrganizationId organizationId, UserId userId) {
        return findById(organizationId, userId).map(this::member);
    }

    @Override
    public Page<Member> list(OrganizationId organizationId, PageRequest<UserId> page) {
        transactions.requireActive(organizationId);
        var rows = stored.values().stream()
                .filter(membership -> membership.organizationId().equals(organizationId))
                .filter(membership -> page.after()
                        .map(after -> TimeOrderedIds.compare(membership.userId().value(), after.value()) < 0)
                        .orElse(true))
                .sorted(Comparator.comparing((Membership membership) -> membership.userId().value(),
                        TimeOrderedIds.ASCENDING).reversed())
                .limit(page.limit() + 1L)
                .map(this::withExistingRoles)
                .map(this::member)
                .toList();
        return Page.fromOverfetch(rows, page.limit());
    }

    @Override
    public Optional<Membership> update(Membership membership) {
        transactions.requireWritable(membership.organizationId());
        interfere();
        writes.add("update " + membership.userId());
        var key = key(membership.organizationId(), membership.userId());
        var current = stored.get(key);
        if (current == null || current.version() != membership.version()) {
            return Optional.empty();
        }
        var updated = new Membership(membership.organizationId(), membership.userId(), membership.status(),
                membership.roleIds(), current.version() + 1, current.createdAt(), clock.instant());
        stored.put(key, updated);
        return Optional.of(updated);
    }

    @Override
    public boolean delete(OrganizationId organizationId, UserId userId, long version) {
        transactions.requireWritable(organizationId);
        interfere();
        writes.add("delete " + userId);
        var key = key(organizationId, userId);
        var current = stored.get(key);
        if (current == null || current.version() != version) {
            return false;
        }
        stored.remove(key);
        return true;
    }

    @Override
    public long lockOwnersAndCountOthers(OrganizationId organizationId, UserId excluded) {
        transactions.requireWritable(organizationId);
        ownerLocks.add(organizationId);
        var owner = roles.builtin(organizationId, BuiltinRole.OWNER).id();
        return stored.values().stream()
                .filter(membership -> membership.organizationId().equals(organizationId))
                .filter(membership -> !membership.userId().equals(excluded))
                .filter(membership -> membership.isActiveHolderOf(owner))
                .count();
    }

    @Override
    public Optional<Set<Permission>> activeMemberPermissions(OrganizationId organizationId, UserId userId) {
        transactions.requireActive(organizationId);
        return stored(organizationId, userId).filter(Membership::isActive).map(membership -> {
            var permissions = new HashSet<Permission>();
            roles.findByIds(organizationId, membership.roleIds()).forEach(role -> permissions.addAll(role.permissions()));
            return permissions;
        });
    }

    private Member member(Membership membership) {
        var person = people.get(membership.userId());
        var names = membership.roleIds().stream()
                .map(id -> roles.stored(id).orElseThrow()).map(Role::name).toList();
        return new Member(membership, person[0], person[1], names);
    }

    /** The membership without roles deleted since: the database's ON DELETE CASCADE. */
    private Membership withExistingRoles(Membership membership) {
        Set<RoleId> existing = membership.roleIds().stream().filter(roles::exists).collect(Collectors.toSet());
        return new Membership(membership.organizationId(), membership.userId(), membership.status(), existing,
                membership.version(), membership.createdAt(), membership.updatedAt());
    }

    private void interfere() {
        var interference = beforeNextWrite;
        beforeNextWrite = null;
        if (interference != null) {
            interference.run();
        }
    }

    private static String key(OrganizationId organizationId, UserId userId) {
        return organizationId + "/" + userId;
    }
}
