package dev.tenantcore.shared.domain;

/** The caller's expected version (If-Match) is not the current one. */
public final class StaleVersionException extends DomainException {
    private final long currentVersion;

    public StaleVersionException(long currentVersion) {
        super("the resource has changed; current version is " + currentVersion);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
