package dev.tenantcore.identity.domain;

import dev.tenantcore.shared.domain.UuidV7;
import java.util.Objects;
import java.util.UUID;

/** One link between an account and a provider's subject. */
public record ExternalLoginId(UUID value) {
    public ExternalLoginId {
        Objects.requireNonNull(value, "external login id");
    }

    public static ExternalLoginId generate() {
        return new ExternalLoginId(UuidV7.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
