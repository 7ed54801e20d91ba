package dev.tenantcore.identity.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A provider account linked to a person's account, as the person's data export lists it.
 *
 * @param emailAtProvider the address the provider reported, or null
 */
public record LinkedExternalLogin(UUID id, String provider, String subject, String emailAtProvider,
        Instant linkedAt) {
    public LinkedExternalLogin {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(linkedAt, "linkedAt");
    }
}
