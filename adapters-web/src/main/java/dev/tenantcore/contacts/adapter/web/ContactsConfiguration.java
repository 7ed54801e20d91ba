package dev.tenantcore.contacts.adapter.web;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code tenantcore.contacts.default-region}: which region a phone number without a country code belongs to (an
 * ISO 3166 code such as US, GB, DE). The trash's settings are read beside the job worker
 * (ContactTrashConfiguration in the persistence adapter).
 */
@ConfigurationProperties("tenantcore.contacts")
final class ContactsConfiguration {
    private String defaultRegion = "US";

    public String getDefaultRegion() {
        return defaultRegion;
    }

    public void setDefaultRegion(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }
}
