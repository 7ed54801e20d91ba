package dev.tenantcore.apikeys.domain;

import java.util.List;

/**
 * The one lookup across tenants: from a token's public prefix to the usable keys that carry it (normally one;
 * prefixes are random, not unique). Implementations must expose nothing else of other tenants.
 */
public interface ApiKeyCredentials {
    List<ApiKeyCredential> findUsableByPrefix(String prefix);
}
