package dev.tenantcore.access.domain;

import java.util.Locale;

/** Where an invitation stands; derived from its timestamps and the time of asking, never stored. */
public enum InvitationStatus {
    /** Open: its token can still be accepted. */
    PENDING,
    ACCEPTED,
    REVOKED,
    /** Neither accepted nor revoked, but past its expiry. */
    EXPIRED;

    /** The name shown: {@code pending}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
