package dev.tenantcore.e2e;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The rate limits with buckets in this process, the default. */
@MicronautTest(transactional = false)
@Property(name = RateLimitScenarios.CREDENTIAL, value = "3")
@Property(name = RateLimitScenarios.ORGANIZATION, value = "5")
@Property(name = RateLimitScenarios.ADDRESS, value = "4")
@Property(name = "tenantcore.rate-limit.credential-period", value = "1h")
@Property(name = "tenantcore.rate-limit.organization-period", value = "1h")
@Property(name = "tenantcore.rate-limit.address-period", value = "1h")
@Property(name = "micronaut.server.client-address-header", value = RateLimitScenarios.FORWARDED)
class RateLimitApiTest extends RateLimitScenarios {
}
