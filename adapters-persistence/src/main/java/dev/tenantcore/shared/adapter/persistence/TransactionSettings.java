package dev.tenantcore.shared.adapter.persistence;

import dev.tenantcore.shared.application.Caller;
import dev.tenantcore.shared.domain.OrganizationId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The transaction-local settings a tenant transaction starts with: the tenant, read by every row-level-security
 * policy, and for writes the caller, read by the audit trigger (migration V3). They are sent as one
 * {@code SELECT set_config(...), ...} whose text depends only on the kind, so its prepared plan is reused.
 * A missing value is sent as {@code ''}, which the database reads as "none".
 */
record TransactionSettings(String sql, List<String> values) {
    static final String TENANT = "app.organization_id";
    private static final String READ_SQL = selectSetConfig(TENANT);
    private static final String WRITE_SQL = selectSetConfig(TENANT, "app.actor_type", "app.actor_id",
            "app.request_id", "app.client_address", "app.user_agent");

    TransactionSettings {
        Objects.requireNonNull(sql, "sql");
        values = List.copyOf(values);
    }

    /** Reads need only the tenant. */
    static TransactionSettings tenant(String organizationId) {
        return new TransactionSettings(READ_SQL, List.of(organizationId));
    }

    static TransactionSettings tenant(OrganizationId organizationId) {
        return tenant(organizationId.value().toString());
    }

    /** Writes also tell the audit trigger who is acting, and from where. */
    static TransactionSettings tenantAndCaller(OrganizationId organizationId, Caller caller) {
        var actor = caller.actor();
        return new TransactionSettings(WRITE_SQL, List.of(organizationId.value().toString(), actor.type().code(),
                orEmpty(actor.id()), orEmpty(caller.requestId()), orEmpty(caller.clientAddress()),
                orEmpty(caller.userAgent())));
    }

    int size() {
        return values.size();
    }

    private static String orEmpty(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String selectSetConfig(String... names) {
        return Arrays.stream(names).map(name -> "set_config('" + name + "', ?, true)")
                .collect(Collectors.joining(", ", "SELECT ", ""));
    }
}
