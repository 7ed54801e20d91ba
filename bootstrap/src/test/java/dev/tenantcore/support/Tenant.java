package dev.tenantcore.support;

import java.util.UUID;

/** An organization signed up through the API, with its first key's id and token. */
public record Tenant(UUID organizationId, String slug, UUID apiKeyId, String token) {

    /** The Authorization header pair for {@link ApiClient} calls. */
    public String[] auth() {
        return new String[] {"Authorization", "Bearer " + token};
    }

    public String[] auth(String... moreHeaders) {
        var all = new String[2 + moreHeaders.length];
        all[0] = "Authorization";
        all[1] = "Bearer " + token;
        System.arraycopy(moreHeaders, 0, all, 2, moreHeaders.length);
        return all;
    }
}
