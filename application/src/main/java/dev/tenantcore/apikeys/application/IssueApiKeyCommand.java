package dev.tenantcore.apikeys.application;

import java.time.Instant;

/** A new key for the caller's organization; {@code expiresAtOrNull} null means it never expires. */
public record IssueApiKeyCommand(String name, Instant expiresAtOrNull) {
}
