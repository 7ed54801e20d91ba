package dev.tenantcore.apikeys.domain;

import dev.tenantcore.shared.domain.UuidV7;
import java.util.Objects;
import java.util.UUID;

public record ApiKeyId(UUID value) {
    public ApiKeyId {
        Objects.requireNonNull(value, "api key id");
    }

    public static ApiKeyId generate() {
        return new ApiKeyId(UuidV7.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
