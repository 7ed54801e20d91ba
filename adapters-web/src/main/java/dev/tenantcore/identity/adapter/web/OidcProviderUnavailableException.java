package dev.tenantcore.identity.adapter.web;

/** The provider could not be reached, or answered nothing usable: 503, to try again after some seconds. */
final class OidcProviderUnavailableException extends OidcLoginException {
    private final String provider;
    private final long retryAfterSeconds;

    OidcProviderUnavailableException(String provider, long retryAfterSeconds) {
        super("the OpenID provider " + provider + " cannot be reached at the moment; try again in "
                + retryAfterSeconds + " s");
        this.provider = provider;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    String provider() {
        return provider;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
