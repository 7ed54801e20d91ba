package dev.tenantcore.contacts.adapter.persistence;

import dev.tenantcore.contacts.application.ContactSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * {@code tenantcore.contacts.trash-retention} and {@code purge-interval}: how long deleted contacts stay in the trash
 * and how often it is purged. Beside the job worker, which builds the purge's handler wherever it runs; the web
 * adapter reads the rest of {@code tenantcore.contacts.*} (the phone numbers' default region).
 */
@ConfigurationProperties("tenantcore.contacts")
final class ContactTrashConfiguration {
    private Duration trashRetention = Duration.ofDays(30);
    private Duration purgeInterval = Duration.ofDays(1);

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

    @Factory
    static final class Settings {
        @Singleton
        ContactSettings contactSettings(ContactTrashConfiguration configuration) {
            return new ContactSettings(configuration.getTrashRetention(), configuration.getPurgeInterval());
        }
    }
}
