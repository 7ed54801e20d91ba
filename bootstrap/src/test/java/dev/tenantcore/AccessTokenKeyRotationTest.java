package dev.tenantcore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.shared.adapter.persistence.TestDatabase;
import dev.tenantcore.support.ApiClient;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rotating the access-token key without logging everyone out: instances started with the new key and the old one
 * as {@code TENANTCORE_AUTH_JWT_PREVIOUS_SECRET} accept tokens signed with either and sign with the new one; once the
 * previous key is dropped, its tokens are refused.
 */
class AccessTokenKeyRotationTest {
    private static final String OLD_KEY = "old-key-" + UUID.randomUUID();
    private static final String NEW_KEY = "new-key-" + UUID.randomUUID();
    private static final String PASSWORD = "correct horse battery staple";

    private final List<ApplicationContext> services = new ArrayList<>();

    @AfterEach
    void stop() {
        services.forEach(ApplicationContext::close);
    }

    @Test
    void tokensOfThePreviousKeyLiveOnUntilItIsDropped() {
        var before = start(OLD_KEY, Map.of());
        var slug = "rotation-" + UUID.randomUUID().toString().substring(0, 8);
        var email = "rotation-" + UUID.randomUUID() + "@example.com";
        var signUp = before.post("/v1/organizations", """
                {"name": "Rotation", "slug": "%s", "owner": {"email": "%s", "password": "%s", "displayName": "R"}}"""
                .formatted(slug, email, PASSWORD));
        assertThat(signUp.status()).as(signUp.toString()).isEqualTo(201);
        var oldToken = accessToken(before, email, slug);

        var during = start(NEW_KEY, StartupSettings.previousKeyProperties(OLD_KEY));
        assertThat(during.get("/v1/me", "Authorization", "Bearer " + oldToken).status())
                .as("a token of the previous key, during the rotation").isEqualTo(200);
        var newToken = accessToken(during, email, slug);

        var after = start(NEW_KEY, Map.of());
        assertThat(after.get("/v1/me", "Authorization", "Bearer " + newToken).status())
                .as("tokens issued during the rotation are signed with the new key").isEqualTo(200);
        assertThat(after.get("/v1/me", "Authorization", "Bearer " + oldToken).status())
                .as("a token of the dropped key").isEqualTo(401);
    }

    private ApiClient start(String key, Map<String, Object> extra) {
        var properties = new HashMap<String, Object>(TestDatabase.shared().micronautProperties());
        properties.put("tenantcore.auth.jwt-secret", key);
        properties.putAll(extra);
        properties.put("micronaut.server.port", -1);
        var service = ApplicationContext.run(properties, "test");
        services.add(service);
        var server = service.getBean(EmbeddedServer.class).start();
        return new ApiClient(server.getURI(), service.getBean(JsonMapper.class));
    }

    private static String accessToken(ApiClient api, String email, String organization) {
        var login = api.post("/v1/auth/token", """
                {"email": "%s", "password": "%s", "organization": "%s"}""".formatted(email, PASSWORD, organization));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return login.string("accessToken");
    }
}
