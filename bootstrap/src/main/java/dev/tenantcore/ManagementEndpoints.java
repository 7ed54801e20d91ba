package dev.tenantcore;

import java.util.Map;

/**
 * The operators' endpoints: health with its details and the Prometheus metrics, on a port of their own
 * ({@code TENANTCORE_MANAGEMENT_PORT}) that is never exposed to tenants. Without it, the API port's anonymous
 * {@code /health} says UP or DOWN and nothing more, and metrics are not served (they name routes, pools and tables).
 */
record ManagementEndpoints(Integer port) {
    static final String PORT_VARIABLE = "TENANTCORE_MANAGEMENT_PORT";

    static ManagementEndpoints fromEnvironment() {
        var value = System.getenv(PORT_VARIABLE);
        if (value == null || value.isBlank()) {
            value = System.getProperty("tenantcore.management.port");
        }
        if (value == null || value.isBlank()) {
            return new ManagementEndpoints(null);
        }
        try {
            return new ManagementEndpoints(Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PORT_VARIABLE + " must be a port number, got '" + value + "'", e);
        }
    }

    /** The configuration that moves the endpoints to the management port, or nothing when there is none. */
    Map<String, Object> properties() {
        if (port == null) {
            return Map.of();
        }
        return Map.of(
                "endpoints.all.port", port,
                "endpoints.health.details-visible", "ANONYMOUS",
                "endpoints.prometheus.enabled", true,
                "endpoints.prometheus.sensitive", false);
    }
}
