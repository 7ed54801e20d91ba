package dev.tenantcore.access.domain;

import dev.tenantcore.shared.domain.InvariantViolationException;
import java.util.Arrays;
import java.util.Locale;

/** A suspended member stays a member (tasks stay assigned, roles stay held) but can no longer act. */
public enum MembershipStatus {
    ACTIVE, SUSPENDED;

    /** The name stored and shown: {@code active}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a client's or the database's value; anything else is an invalid {@code status}. */
    public static MembershipStatus fromCode(String code) {
        return Arrays.stream(values()).filter(status -> status.code().equals(code)).findFirst()
                .orElseThrow(() -> new InvariantViolationException("status", "status must be active or suspended"));
    }
}
