package dev.tenantcore.apikeys.application;

import dev.tenantcore.apikeys.domain.ApiKey;
import dev.tenantcore.shared.domain.Text;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A new key for the caller's organization; {@code expiresAtOrNull} null means it never expires. The key acts with
 * the named roles; {@code roleNamesOrNull} null gives it {@link #DEFAULT_ROLES}.
 */
public record IssueApiKeyCommand(String name, Instant expiresAtOrNull, Set<String> roleNamesOrNull) {
    /** The built-in role of everyday work: reading and writing tasks, no administration. */
    public static final Set<String> DEFAULT_ROLES = Set.of("member");

    public IssueApiKeyCommand {
        name = Text.required("name", name, ApiKey.NAME_MAX_LENGTH);
        if (roleNamesOrNull != null) {
            // A copy that, unlike Set.copyOf, keeps a null name for the role lookup to refuse by name.
            roleNamesOrNull = Collections.unmodifiableSet(new LinkedHashSet<>(roleNamesOrNull));
        }
    }

    public Set<String> roleNames() {
        return roleNamesOrNull == null ? DEFAULT_ROLES : roleNamesOrNull;
    }
}
