package dev.tenantcore.shared.adapter.persistence;

import dev.tenantcore.shared.application.TenantTransactions;
import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

/**
 * Creates people (accounts, and profiles when given a display name) for tests that need members, as the runtime
 * role: a person's own rows may be written by that person, so each is written in a transaction whose user setting
 * is the new account (migration V4, policy user_self). What the identity context does at sign-up, minus passwords.
 */
@Singleton
public final class TestPeople {
    private final TenantTransactions transactions;
    private final JdbcOperations jdbc;

    TestPeople(TenantTransactions transactions, JdbcOperations jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /**
     * A new account with a unique address made from {@code name}; {@code displayNameOrNull} null means no profile.
     * {@code organizationId} is only the tenant of the transaction: accounts belong to no organization.
     */
    public UserId create(OrganizationId organizationId, String name, String displayNameOrNull) {
        var id = UserId.generate();
        transactions.writeForUser(organizationId, id, () -> {
            jdbc.prepareStatement("INSERT INTO users (id, email) VALUES (?, ?)", statement -> {
                statement.setObject(1, id.value());
                statement.setString(2, name + "-" + id + "@example.com");
                return statement.executeUpdate();
            });
            if (displayNameOrNull != null) {
                jdbc.prepareStatement("INSERT INTO user_profiles (user_id, display_name) VALUES (?, ?)", statement -> {
                    statement.setObject(1, id.value());
                    statement.setString(2, displayNameOrNull);
                    return statement.executeUpdate();
                });
            }
            return null;
        });
        return id;
    }

    /** The address {@link #create} gave the account. */
    public static String emailOf(String name, UserId id) {
        return name + "-" + id + "@example.com";
    }
}
