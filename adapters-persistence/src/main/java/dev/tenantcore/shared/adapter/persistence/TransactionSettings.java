package dev.tenantcore.shared.adapter.persistence;

import dev.tenantcore.shared.application.Caller;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
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
    /** The person whose own rows (user, credentials, profile...) the transaction may reach; '' for none. */
    static final String USER = "app.user_id";
    private static final String READ_SQL = selectSetConfig(TENANT, USER);
    private static final String WRITE_SQL = selectSetConfig(TENANT, USER, "app.actor_type", "app.actor_id",
            "app.request_id", "app.client_address", "app.user_agent");

    TransactionSettings {
        Objects.requireNonNull(sql, "sql");
        values = List.copyOf(values);
    }

    /** Reads need only the tenant and the user. */
    static TransactionSettings tenant(String organizationId, String userIdOrEmpty) {
        return new TransactionSettings(READ_SQL, List.of(organizationId, userIdOrEmpty));
    }

    static TransactionSettings tenant(OrganizationId organizationId, UserId userIdOrNull) {
        return tenant(organizationId.value().toString(), orEmpty(userIdOrNull));
    }

    /** Writes also tell the audit trigger who is acting, and from where. */
    static TransactionSettings tenantAndCaller(OrganizationId organizationId, UserId userIdOrNull, Caller caller) {
        var actor = caller.actor();
        return new TransactionSettings(WRITE_SQL, List.of(organizationId.value().toString(), orEmpty(userIdOrNull),
                actor.type().code(), orEmpty(actor.id()), orEmpty(caller.requestId()),
                orEmpty(caller.clientAddress()), orEmpty(caller.userAgent())));
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
