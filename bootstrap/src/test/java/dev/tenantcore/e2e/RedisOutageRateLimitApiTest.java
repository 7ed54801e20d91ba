package dev.tenantcore.e2e;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/**
 * The same limits with Redis configured but unreachable (nothing listens on port 1): no request fails for it, and
 * the limits still hold, counted in this process.
 */
@MicronautTest(transactional = false)
@Property(name = RateLimitScenarios.CREDENTIAL, value = "3")
@Property(name = RateLimitScenarios.ORGANIZATION, value = "5")
@Property(name = RateLimitScenarios.ADDRESS, value = "4")
@Property(name = "tenantcore.rate-limit.credential-period", value = "1h")
@Property(name = "tenantcore.rate-limit.organization-period", value = "1h")
@Property(name = "tenantcore.rate-limit.address-period", value = "1h")
@Property(name = "micronaut.server.client-address-header", value = RateLimitScenarios.FORWARDED)
@Property(name = "tenantcore.rate-limit.redis-url", value = "redis://127.0.0.1:1")
@Property(name = "tenantcore.rate-limit.redis-timeout", value = "200ms")
class RedisOutageRateLimitApiTest extends RateLimitScenarios {
}
