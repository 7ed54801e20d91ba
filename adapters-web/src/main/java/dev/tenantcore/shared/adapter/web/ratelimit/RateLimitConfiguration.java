package dev.tenantcore.shared.adapter.web.ratelimit;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code tenantcore.rate-limit.*}: how many requests each credential, each organization and, on the public endpoints
 * that take secrets, each client network may make. Each limit is a token bucket: {@code capacity} requests at once,
 * refilled evenly over {@code period}. The defaults are far above what a client working normally sends and far below
 * a flood; see README, "Rate limits".
 */
@ConfigurationProperties("tenantcore.rate-limit")
final class RateLimitConfiguration {
    private boolean enabled = true;
    private long credentialCapacity = 1_200;
    private Duration credentialPeriod = Duration.ofMinutes(1);
    private long organizationCapacity = 3_000;
    private Duration organizationPeriod = Duration.ofMinutes(1);
    private long addressCapacity = 60;
    private Duration addressPeriod = Duration.ofMinutes(1);
    private String redisUrl;
    private String redisKeyPrefix = "tenantcore:rate-limit:";
    private Duration redisTimeout = Duration.ofMillis(250);
    private Duration refusalDelay = Duration.ofSeconds(1);

    Quota credential() {
        return new Quota("credential", credentialCapacity, credentialPeriod);
    }

    Quota organization() {
        return new Quota("organization", organizationCapacity, organizationPeriod);
    }

    Quota address() {
        return new Quota("address", addressCapacity, addressPeriod);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public long getCredentialCapacity() {
        return credentialCapacity;
    }

    public void setCredentialCapacity(long credentialCapacity) {
        this.credentialCapacity = credentialCapacity;
    }

    public Duration getCredentialPeriod() {
        return credentialPeriod;
    }

    public void setCredentialPeriod(Duration credentialPeriod) {
        this.credentialPeriod = credentialPeriod;
    }

    public long getOrganizationCapacity() {
        return organizationCapacity;
    }

    public void setOrganizationCapacity(long organizationCapacity) {
        this.organizationCapacity = organizationCapacity;
    }

    public Duration getOrganizationPeriod() {
        return organizationPeriod;
    }

    public void setOrganizationPeriod(Duration organizationPeriod) {
        this.organizationPeriod = organizationPeriod;
    }

    public long getAddressCapacity() {
        return addressCapacity;
    }

    public void setAddressCapacity(long addressCapacity) {
        this.addressCapacity = addressCapacity;
    }

    public Duration getAddressPeriod() {
        return addressPeriod;
    }

    public void setAddressPeriod(Duration addressPeriod) {
        this.addressPeriod = addressPeriod;
    }

    public String getRedisUrl() {
        return redisUrl;
    }

    public void setRedisUrl(String redisUrl) {
        this.redisUrl = redisUrl;
    }

    public String getRedisKeyPrefix() {
        return redisKeyPrefix;
    }

    public void setRedisKeyPrefix(String redisKeyPrefix) {
        this.redisKeyPrefix = redisKeyPrefix;
    }

    public Duration getRefusalDelay() {
        return refusalDelay;
    }

    public void setRefusalDelay(Duration refusalDelay) {
        this.refusalDelay = refusalDelay;
    }

    public Duration getRedisTimeout() {
        return redisTimeout;
    }

    public void setRedisTimeout(Duration redisTimeout) {
        this.redisTimeout = redisTimeout;
    }
}
