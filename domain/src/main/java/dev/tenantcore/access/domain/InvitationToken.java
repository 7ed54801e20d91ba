package dev.tenantcore.access.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The token an invitation is accepted with: {@code tci_} and the base64url (unpadded) of the organization id, the
 * invitation id and 256 random bits. The organization id lets acceptance run in that organization's tenant
 * transaction with no lookup across tenants; the invitation id finds the row; the random part proves that the
 * holder received the invitation and is stored only as its SHA-256 (256 random bits need no slow hash).
 */
public final class InvitationToken {
    private static final String PREFIX = "tci_";
    private static final int SECRET_BYTES = 32;
    private static final int RAW_BYTES = 16 * 2 + SECRET_BYTES;
    /** 64 bytes are 86 base64url characters without padding. */
    private static final Pattern FORMAT = Pattern.compile("tci_[A-Za-z0-9_-]{86}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OrganizationId organizationId;
    private final InvitationId invitationId;
    private final byte[] secret;

    private InvitationToken(OrganizationId organizationId, InvitationId invitationId, byte[] secret) {
        this.organizationId = Objects.requireNonNull(organizationId, "organizationId");
        this.invitationId = Objects.requireNonNull(invitationId, "invitationId");
        this.secret = secret.clone();
    }

    static InvitationToken generate(OrganizationId organizationId, InvitationId invitationId) {
        var secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return new InvitationToken(organizationId, invitationId, secret);
    }

    /** Empty for anything that is not shaped like an invitation token: nothing needs to be looked up then. */
    public static Optional<InvitationToken> parse(String presented) {
        if (presented == null || !FORMAT.matcher(presented).matches()) {
            return Optional.empty();
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(presented.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length != RAW_BYTES) {
            return Optional.empty();
        }
        var buffer = ByteBuffer.wrap(raw);
        var organization = new OrganizationId(new UUID(buffer.getLong(), buffer.getLong()));
        var invitation = new InvitationId(new UUID(buffer.getLong(), buffer.getLong()));
        return Optional.of(new InvitationToken(organization, invitation, Arrays.copyOfRange(raw, 32, RAW_BYTES)));
    }

    public OrganizationId organizationId() {
        return organizationId;
    }

    public InvitationId invitationId() {
        return invitationId;
    }

    /** What is stored: the SHA-256 of the random part. */
    public byte[] hash() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The value to hand to the inviter, once: they pass it on to the invited address. */
    public String reveal() {
        var buffer = ByteBuffer.allocate(RAW_BYTES);
        buffer.putLong(organizationId.value().getMostSignificantBits())
                .putLong(organizationId.value().getLeastSignificantBits());
        buffer.putLong(invitationId.value().getMostSignificantBits())
                .putLong(invitationId.value().getLeastSignificantBits());
        buffer.put(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    @Override
    public String toString() {
        return "InvitationToken[" + organizationId + ", " + invitationId + ", ***]"; // never the secret
    }
}
