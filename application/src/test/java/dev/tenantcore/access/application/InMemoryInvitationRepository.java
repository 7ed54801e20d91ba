package dev.tenantcore.access.application;

import dev.tenantcore.access.domain.Invitation;
import dev.tenantcore.access.domain.InvitationId;
import dev.tenantcore.access.domain.InvitationRepository;
import dev.tenantcore.shared.application.FakeTenantTransactions;
import dev.tenantcore.shared.application.TimeOrderedIds;
import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.Page;
import dev.tenantcore.shared.domain.PageRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * The invitation port over a map, honouring its contract as the JDBC adapter does: one open invitation per address
 * and organization (case-insensitively), roles that must exist ({@code roleExists}), writes only over the expected
 * version (which they bump), newest first by id, and a transaction for the organization around every call.
 */
final class InMemoryInvitationRepository implements InvitationRepository {
    private final FakeTenantTransactions transactions;
    private final BiPredicate<OrganizationId, String> roleExists;
    private final BiPredicate<OrganizationId, String> memberAddress;
    private final Map<InvitationId, Invitation> stored = new LinkedHashMap<>();
    private final List<String> writes = new ArrayList<>();
    private Function<Invitation, Invitation> interference;

    InMemoryInvitationRepository(FakeTenantTransactions transactions, BiPredicate<OrganizationId, String> roleExists,
            BiPredicate<OrganizationId, String> memberAddress) {
        this.transactions = transactions;
        this.roleExists = roleExists;
        this.memberAddress = memberAddress;
        transactions.register(() -> {
            var copy = new LinkedHashMap<>(stored);
            return () -> {
                stored.clear();
                stored.putAll(copy);
            };
        });
    }

    // ---- test set-up and inspection; these bypass the tenant checks on purpose ----

    void given(Invitation... invitations) {
        for (var invitation : invitations) {
            stored.put(invitation.id(), invitation);
        }
    }

    Optional<Invitation> stored(InvitationId id) {
        return Optional.ofNullable(stored.get(id));
    }

    List<Invitation> all() {
        return List.copyOf(stored.values());
    }

    /** The write calls made, in order. */
    List<String> writes() {
        return List.copyOf(writes);
    }

    /** Before the next update, another request changes the stored invitation: {@code change} says how. */
    void beforeNextUpdate(Function<Invitation, Invitation> change) {
        this.interference = change;
    }

    // ---- the port ----

    @Override
    public void insert(Invitation invitation) {
        transactions.requireWritable(invitation.organizationId());
        writes.add("insert " + invitation.id());
        if (invitation.roles().stream().anyMatch(role -> !roleExists.test(invitation.organizationId(), role))) {
            throw new InvariantViolationException("roles", "the organization has no role with some of these names");
        }
        if (stored.values().stream().anyMatch(other -> other.organizationId().equals(invitation.organizationId())
                && other.isOpen() && key(other.email()).equals(key(invitation.email())))) {
            throw new ConflictException("this address has an open invitation already");
        }
        stored.put(invitation.id(), invitation);
    }

    @Override
    public Optional<Invitation> findById(OrganizationId organizationId, InvitationId id) {
        transactions.requireActive(organizationId);
        return Optional.ofNullable(stored.get(id)).filter(found -> found.organizationId().equals(organizationId));
    }

    @Override
    public Optional<Invitation> findOpenByEmail(OrganizationId organizationId, String email) {
        transactions.requireActive(organizationId);
        return stored.values().stream()
                .filter(found -> found.organizationId().equals(organizationId) && found.isOpen()
                        && key(found.email()).equals(key(email)))
                .findFirst();
    }

    @Override
    public Page<Invitation> list(OrganizationId organizationId, PageRequest<InvitationId> page) {
        transactions.requireActive(organizationId);
        var rows = stored.values().stream()
                .filter(found -> found.organizationId().equals(organizationId))
                .filter(found -> page.after()
                        .map(after -> TimeOrderedIds.compare(found.id().value(), after.value()) < 0).orElse(true))
                .sorted(Comparator.comparing((Invitation found) -> found.id().value(), TimeOrderedIds.ASCENDING)
                        .reversed())
                .limit(page.limit() + 1L)
                .toList();
        return Page.fromOverfetch(rows, page.limit());
    }

    @Override
    public boolean update(Invitation invitation) {
        transactions.requireWritable(invitation.organizationId());
        if (interference != null) {
            var change = interference;
            interference = null;
            var current = stored.get(invitation.id());
            stored.put(current.id(), change.apply(current));
        }
        writes.add("update " + invitation.id());
        var current = stored.get(invitation.id());
        if (current == null || !current.organizationId().equals(invitation.organizationId())
                || current.version() != invitation.version()) {
            return false;
        }
        stored.put(invitation.id(), new Invitation(current.id(), current.organizationId(), invitation.email(),
                current.roles(), current.tokenHash(), current.expiresAt(), invitation.acceptedAt(),
                invitation.acceptedBy(), invitation.revokedAt(), current.version() + 1, current.createdAt(),
                current.updatedAt()));
        return true;
    }

    @Override
    public boolean isMemberAddress(OrganizationId organizationId, String email) {
        transactions.requireActive(organizationId);
        return memberAddress.test(organizationId, email);
    }

    private static String key(String email) {
        return email == null ? "" : email.toLowerCase(Locale.ROOT);
    }

    Set<InvitationId> ids() {
        return Set.copyOf(stored.keySet());
    }
}
