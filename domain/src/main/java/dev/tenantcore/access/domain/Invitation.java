package dev.tenantcore.access.domain;

import dev.tenantcore.shared.domain.ConflictException;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * An offer to join an organization with a set of roles, sent to an e-mail address. Its token is shown once, to the
 * inviter; only the token's hash is kept. Accepting makes the account with the address a member; from then on the
 * membership is the record, so the address is cleared. Immutable; the canonical constructor enforces the
 * invariants; {@link #reconstitute} is how storage brings one back.
 *
 * <p>{@code roles} are role names. A stored invitation may name none: deleting a role takes it from the open
 * invitations that grant it.
 */
public record Invitation(
        InvitationId id,
        OrganizationId organizationId,
        String email,
        Set<String> roles,
        byte[] tokenHash,
        Instant expiresAt,
        Instant acceptedAt,
        UserId acceptedBy,
        Instant revokedAt,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static final int DEFAULT_LIFETIME_DAYS = 7;
    public static final int MAX_LIFETIME_DAYS = 30;
    public static final int MAX_ROLES = 20;
    public static final int EMAIL_MAX_LENGTH = 254;
    /** As loose as the identity context's address check: only delivery proves an address. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,253}");
    /** The roles' naming rule (lower case, as the API shows them). */
    private static final Pattern ROLE_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    public Invitation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        roles = Set.copyOf(Objects.requireNonNull(roles, "roles"));
        tokenHash = Objects.requireNonNull(tokenHash, "tokenHash").clone();
        if (tokenHash.length != 32) {
            throw new IllegalArgumentException("a token hash is a SHA-256: 32 bytes");
        }
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if ((acceptedAt == null) != (acceptedBy == null)) {
            throw new IllegalArgumentException("acceptedAt and acceptedBy go together");
        }
        if ((email == null) != (acceptedAt != null)) {
            throw new IllegalArgumentException("an invitation keeps its address until, and only until, accepted");
        }
        if (acceptedAt != null && revokedAt != null) {
            throw new IllegalArgumentException("an invitation is accepted or revoked, not both");
        }
        if (email != null) {
            email = validEmail(email);
        }
        if (version < 1) {
            throw new IllegalArgumentException("version must be positive");
        }
    }

    /** An invitation as storage holds it, checked like any other. */
    public static Invitation reconstitute(InvitationId id, OrganizationId organizationId, String email,
            Set<String> roles, byte[] tokenHash, Instant expiresAt, Instant acceptedAt, UserId acceptedBy,
            Instant revokedAt, long version, Instant createdAt, Instant updatedAt) {
        return new Invitation(id, organizationId, email, roles, tokenHash, expiresAt, acceptedAt, acceptedBy, revokedAt,
                version, createdAt, updatedAt);
    }

    /**
     * A new invitation and its token. {@code lifetimeDays} null means {@link #DEFAULT_LIFETIME_DAYS}. Throws
     * {@link InvariantViolationException} naming {@code email}, {@code roles} or {@code expiresInDays}.
     */
    public static Issued issue(OrganizationId organizationId, String email, Collection<String> roles,
            Integer lifetimeDays, Instant now) {
        var address = validEmail(email);
        var names = validRoleNames(roles);
        var days = validLifetimeDays(lifetimeDays);
        var id = InvitationId.generate();
        var token = InvitationToken.generate(organizationId, id);
        var invitation = new Invitation(id, organizationId, address, names, token.hash(),
                now.plus(Duration.ofDays(days)), null, null, null, 1, now, now);
        return new Issued(invitation, token);
    }

    public InvitationStatus status(Instant now) {
        if (acceptedAt != null) {
            return InvitationStatus.ACCEPTED;
        }
        if (revokedAt != null) {
            return InvitationStatus.REVOKED;
        }
        return expiresAt.isAfter(now) ? InvitationStatus.PENDING : InvitationStatus.EXPIRED;
    }

    /** Whether {@code token} is this invitation's: same organization and id, and the secret hashes to ours. */
    public boolean matches(InvitationToken token) {
        return token.organizationId().equals(organizationId) && token.invitationId().equals(id)
                && MessageDigest.isEqual(tokenHash, token.hash());
    }

    /**
     * Throws {@link ConflictException} unless the invitation can be accepted now, saying why: whoever asks holds
     * the token, so they may know what became of it.
     */
    public void requireAcceptable(Instant now) {
        switch (status(now)) {
            case PENDING -> {
            }
            case ACCEPTED -> throw new ConflictException("this invitation has already been accepted");
            case REVOKED -> throw new ConflictException("this invitation was revoked; ask for a new one");
            case EXPIRED -> throw new ConflictException("this invitation has expired; ask for a new one");
        }
    }

    /** Accepted by the account {@code userId} at {@code now}: the address is cleared. */
    public Invitation accepted(UserId userId, Instant now) {
        requireAcceptable(now);
        Objects.requireNonNull(userId, "userId");
        return new Invitation(id, organizationId, null, roles, tokenHash, expiresAt, now, userId, null, version,
                createdAt, updatedAt);
    }

    /** Revoked at {@code now}, or unchanged if it already was. An accepted invitation cannot be revoked. */
    public Invitation revoked(Instant now) {
        if (acceptedAt != null) {
            throw new ConflictException("this invitation has been accepted; remove the member instead");
        }
        if (revokedAt != null) {
            return this;
        }
        return new Invitation(id, organizationId, email, roles, tokenHash, expiresAt, null, null, now, version,
                createdAt, updatedAt);
    }

    public boolean isOpen() {
        return acceptedAt == null && revokedAt == null;
    }

    @Override
    public byte[] tokenHash() {
        return tokenHash.clone();
    }

    /** Value equality over every component; the record default would compare the hash array by identity. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Invitation that
                && id.equals(that.id) && organizationId.equals(that.organizationId)
                && Objects.equals(email, that.email) && roles.equals(that.roles)
                && Arrays.equals(tokenHash, that.tokenHash) && expiresAt.equals(that.expiresAt)
                && Objects.equals(acceptedAt, that.acceptedAt) && Objects.equals(acceptedBy, that.acceptedBy)
                && Objects.equals(revokedAt, that.revokedAt) && version == that.version
                && createdAt.equals(that.createdAt) && updatedAt.equals(that.updatedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version, acceptedAt, revokedAt);
    }

    /** Neither the address (personal data) nor the hash. */
    @Override
    public String toString() {
        return "Invitation[id=" + id + ", organizationId=" + organizationId + ", roles=" + roles + "]";
    }

    /** The address, stripped; {@link InvariantViolationException} naming {@code email} when it is not one. */
    public static String validEmail(String email) {
        if (email == null) {
            throw new InvariantViolationException("email", "email must not be null");
        }
        var value = email.strip();
        if (value.length() < 3 || value.length() > EMAIL_MAX_LENGTH || !EMAIL.matcher(value).matches()
                || value.chars().anyMatch(Character::isISOControl)) {
            throw new InvariantViolationException("email", "email must be an e-mail address of at most "
                    + EMAIL_MAX_LENGTH + " characters");
        }
        return value;
    }

    /** The role names, sorted; {@link InvariantViolationException} naming {@code roles} when one is malformed. */
    public static Set<String> validRoleNames(Collection<String> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new InvariantViolationException("roles", "roles must name at least one role");
        }
        var names = new TreeSet<String>();
        for (var role : roles) {
            if (role == null || !ROLE_NAME.matcher(role).matches()) {
                throw new InvariantViolationException("roles", "roles must be role names of 1 to 63 of a-z, 0-9, "
                        + "'_' and '-', starting with a letter or digit");
            }
            names.add(role);
        }
        if (names.size() > MAX_ROLES) {
            throw new InvariantViolationException("roles", "roles may name at most " + MAX_ROLES + " roles");
        }
        return names;
    }

    /**
     * The lifetime in days, {@link #DEFAULT_LIFETIME_DAYS} for null; {@link InvariantViolationException} naming
     * {@code expiresInDays} outside 1 to {@link #MAX_LIFETIME_DAYS}.
     */
    public static int validLifetimeDays(Integer lifetimeDays) {
        var days = lifetimeDays == null ? DEFAULT_LIFETIME_DAYS : lifetimeDays;
        if (days < 1 || days > MAX_LIFETIME_DAYS) {
            throw new InvariantViolationException("expiresInDays",
                    "expiresInDays must be between 1 and " + MAX_LIFETIME_DAYS);
        }
        return days;
    }

    /** A freshly issued invitation and its token, which is shown once and never stored. */
    public record Issued(Invitation invitation, InvitationToken token) {
        public Issued {
            Objects.requireNonNull(invitation, "invitation");
            Objects.requireNonNull(token, "token");
        }
    }
}
