package dev.tenantcore.apikeys.domain;

/** A freshly issued key together with its token, which is shown once and never stored. */
public record IssuedApiKey(ApiKey key, ApiKeyToken token) {
}
