package dev.tenantcore.shared.adapter.persistence;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * Behind PgBouncer in transaction mode ({@code tenantcore.database.pooler: pgbouncer}) consecutive transactions of
 * one pooled connection run on different server connections, so nothing may outlive a transaction on the server.
 * The service itself keeps no session state (the tenant is transaction-local); what remains is pgjdbc's habit of preparing a statement by name on the server after five uses, a name
 * the next server connection does not know ("prepared statement S_3 does not exist"). {@code prepareThreshold=0}
 * keeps every statement unnamed. PgBouncer 1.21+ can track named statements itself; this setting is still correct
 * there, at the cost of planning every statement.
 */
@Singleton
@Requires(property = "tenantcore.database.pooler", value = "pgbouncer")
final class TransactionPoolerSettings implements BeanCreatedEventListener<DatasourceConfiguration> {
    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        var configuration = event.getBean();
        configuration.addDataSourceProperty("prepareThreshold", "0");
        return configuration;
    }
}
