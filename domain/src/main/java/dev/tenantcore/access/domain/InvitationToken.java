package dev.tenantcore.access.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.SecretToken;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The token an invitation is accepted with: {@code tci_} and the base64url (unpadded) of the organization id, the
 * invitation id and 256 random bits ({@link SecretToken}). The organization id lets acceptance run in that
 * organization's tenant transaction with no lookup across tenants; the invitation id finds the row; the random part
 * proves that the holder received the invitation.
 */
public final class InvitationToken {
    private static final SecretToken FORMAT = new SecretToken("tci_", 2);

    private final OrganizationId organizationId;
    private final InvitationId invitationId;
    private final byte[] secret;

    private InvitationToken(OrganizationId organizationId, InvitationId invitationId, byte[] secret) {
        this.organizationId = Objects.requireNonNull(organizationId, "organizationId");
        this.invitationId = Objects.requireNonNull(invitationId, "invitationId");
        this.secret = secret.clone();
    }

    static InvitationToken generate(OrganizationId organizationId, InvitationId invitationId) {
        return new InvitationToken(organizationId, invitationId, SecretToken.newSecret());
    }

    /** Empty for anything that is not shaped like an invitation token: nothing needs to be looked up then. */
    public static Optional<InvitationToken> parse(String presented) {
        return FORMAT.parse(presented).map(parts -> new InvitationToken(new OrganizationId(parts.ids().get(0)),
                new InvitationId(parts.ids().get(1)), parts.secret()));
    }

    public OrganizationId organizationId() {
        return organizationId;
    }

    public InvitationId invitationId() {
        return invitationId;
    }

    /** What is stored: the SHA-256 of the random part. */
    public byte[] hash() {
        return SecretToken.hash(secret);
    }

    /** The value to hand to the inviter, once: they pass it on to the invited address. */
    public String reveal() {
        return FORMAT.encode(List.of(organizationId.value(), invitationId.value()), secret);
    }

    @Override
    public String toString() {
        return "InvitationToken[" + organizationId + ", " + invitationId + ", ***]"; // never the secret
    }
}
