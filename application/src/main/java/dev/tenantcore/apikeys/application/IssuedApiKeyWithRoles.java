package dev.tenantcore.apikeys.application;

import dev.tenantcore.apikeys.domain.IssuedApiKey;
import java.util.List;
import java.util.Objects;

/** A key just issued, with its token (shown once) and the names of the roles it acts with, sorted. */
public record IssuedApiKeyWithRoles(IssuedApiKey issued, List<String> roles) {
    public IssuedApiKeyWithRoles {
        Objects.requireNonNull(issued, "issued");
        roles = List.copyOf(roles);
    }
}
