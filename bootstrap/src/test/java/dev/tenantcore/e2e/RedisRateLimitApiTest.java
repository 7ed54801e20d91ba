package dev.tenantcore.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

/**
 * The same limits with the buckets in the Redis on 127.0.0.1:6379 (CI and developers' machines run one), under a
 * key prefix of this run's own. The timeout is long so that a slow machine never falls back to in-process counting
 * in the middle of a test.
 */
@MicronautTest(transactional = false)
@Property(name = RateLimitScenarios.CREDENTIAL, value = "3")
@Property(name = RateLimitScenarios.ORGANIZATION, value = "5")
@Property(name = RateLimitScenarios.ADDRESS, value = "4")
@Property(name = "tenantcore.rate-limit.credential-period", value = "1h")
@Property(name = "tenantcore.rate-limit.organization-period", value = "1h")
@Property(name = "tenantcore.rate-limit.address-period", value = "1h")
@Property(name = "micronaut.server.client-address-header", value = RateLimitScenarios.FORWARDED)
@Property(name = "tenantcore.rate-limit.redis-url", value = RedisRateLimitApiTest.REDIS)
@Property(name = "tenantcore.rate-limit.redis-key-prefix", value = RedisRateLimitApiTest.PREFIX)
@Property(name = "tenantcore.rate-limit.redis-timeout", value = "30s")
class RedisRateLimitApiTest extends RateLimitScenarios {
    static final String REDIS = "redis://127.0.0.1:6379";
    static final String PREFIX = "tenantcore-test:rate-limit:";

    @Test
    void theBucketsAreInRedis() {
        var tenant = signUpAlone();
        assertThat(api.get("/v1/tasks", tenant.auth()).status()).isEqualTo(200);

        var client = RedisClient.create(REDIS);
        try (var connection = client.connect()) {
            var keys = connection.sync().keys(PREFIX + "*" + tenant.apiKeyId());
            assertThat(keys).containsExactly(PREFIX + "credential:api_key:" + tenant.apiKeyId());
        } finally {
            client.shutdown();
        }
    }
}
