package dev.tenantcore.apikeys.application;

import java.time.Instant;
import java.util.Set;

/**
 * A new key for the caller's organization; {@code expiresAtOrNull} null means it never expires. The key acts with
 * the named roles; {@code roleNamesOrNull} null gives it {@link #DEFAULT_ROLES}.
 */
public record IssueApiKeyCommand(String name, Instant expiresAtOrNull, Set<String> roleNamesOrNull) {
    /** The built-in role of everyday work: reading and writing tasks, no administration. */
    public static final Set<String> DEFAULT_ROLES = Set.of("member");

    public Set<String> roleNames() {
        return roleNamesOrNull == null ? DEFAULT_ROLES : roleNamesOrNull;
    }
}
