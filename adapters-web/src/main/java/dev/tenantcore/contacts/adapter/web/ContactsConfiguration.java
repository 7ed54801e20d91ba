package dev.tenantcore.contacts.adapter.web;

import dev.tenantcore.contacts.application.ContactSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * {@code tenantcore.contacts.*}: how long deleted contacts stay in the trash, how often it is purged, and which region a phone number
 * without a country code belongs to (an ISO 3166 code such as US, GB, DE).
 */
@ConfigurationProperties("tenantcore.contacts")
final class ContactsConfiguration {
    private Duration trashRetention = Duration.ofDays(30);
    private Duration purgeInterval = Duration.ofDays(1);
    private String defaultRegion = "US";

    public Duration getTrashRetention() {
        return trashRetention;
    }

    public void setTrashRetention(Duration trashRetention) {
        this.trashRetention = trashRetention;
    }

    public Duration getPurgeInterval() {
        return purgeInterval;
    }

    public void setPurgeInterval(Duration purgeInterval) {
        this.purgeInterval = purgeInterval;
    }

    public String getDefaultRegion() {
        return defaultRegion;
    }

    public void setDefaultRegion(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    @Factory
    static final class Settings {
        @Singleton
        ContactSettings contactSettings(ContactsConfiguration configuration) {
            return new ContactSettings(configuration.getTrashRetention(), configuration.getPurgeInterval());
        }
    }
}
