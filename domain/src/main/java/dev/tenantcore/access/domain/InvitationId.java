package dev.tenantcore.access.domain;

import dev.tenantcore.shared.domain.UuidV7;
import java.util.Objects;
import java.util.UUID;

public record InvitationId(UUID value) {
    public InvitationId {
        Objects.requireNonNull(value, "invitation id");
    }

    public static InvitationId generate() {
        return new InvitationId(UuidV7.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
