package dev.tenantcore.architecture;

/**
 * ArchUnit package identifiers for the layers of the README's "Layout and the dependency rule". Packages are context first
 * ({@code dev.tenantcore.<context>.<layer>}), so every layer is a pattern across all contexts.
 */
final class TenantcorePackages {

    /** Bootstrap ({@code Application}, {@code EmbeddedDatabase}, {@code ClockFactory}): this package, not below. */
    static final String BOOTSTRAP = "dev.tenantcore";
    static final String ANY_CONTEXT = "dev.tenantcore.*..";
    static final String SHARED_KERNEL = "dev.tenantcore.shared..";
    static final String SHARED_DOMAIN = "dev.tenantcore.shared.domain..";

    static final String DOMAIN = "dev.tenantcore..domain..";
    static final String APPLICATION = "dev.tenantcore..application..";
    static final String ANY_ADAPTER = "dev.tenantcore..adapter..";
    static final String PERSISTENCE_ADAPTER = "dev.tenantcore..adapter.persistence..";
    static final String WEB_ADAPTER = "dev.tenantcore..adapter.web..";

    private TenantcorePackages() {
    }
}
