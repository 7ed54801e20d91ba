package dev.tenantcore.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.shared.adapter.persistence.DatabaseTest;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of tests that drive the running service over HTTP: a real Netty server on a random port, on the migrated
 * test database, connected as the runtime role. Subclasses are {@code @MicronautTest(transactional = false)}.
 */
public abstract class ServiceTest extends DatabaseTest {
    @Inject
    protected EmbeddedServer server;
    @Inject
    protected JsonMapper jsonMapper;

    protected ApiClient api;

    @BeforeEach
    void connectClient() {
        api = new ApiClient(server.getURI(), jsonMapper);
    }

    protected Tenant signUp() {
        var slug = "org-" + UUID.randomUUID().toString().substring(0, 18);
        var response = api.post("/v1/organizations", "{\"name\":\"Organization " + slug + "\",\"slug\":\"" + slug + "\"}");
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        var firstKey = response.object("apiKey");
        return new Tenant(UUID.fromString(response.object("organization").get("id").toString()), slug,
                UUID.fromString(firstKey.get("id").toString()), firstKey.get("token").toString());
    }

    /** A password every test user shares: long enough for the password rules. */
    protected static final String PASSWORD = "correct horse battery staple";

    /** Organizations each test user owns, by address: an existing person signs up more while logged in to one. */
    private static final Map<String, String> FIRST_ORGANIZATION_OF = new ConcurrentHashMap<>();

    /**
     * Signs up an organization whose owner is the account of {@code email}: a new account with PASSWORD, or, when
     * the address has an account that this JVM signed up, that person, logged in to their first organization.
     */
    protected Tenant signUpWithOwner(String email) {
        var slug = "org-" + UUID.randomUUID().toString().substring(0, 18);
        var response = api.post("/v1/organizations", """
                {"name": "Organization %s", "slug": "%s",
                 "owner": {"email": "%s", "password": "%s", "displayName": "Owner of %s"}}"""
                .formatted(slug, slug, email, PASSWORD, slug));
        var key = email.toLowerCase(Locale.ROOT);
        if (response.status() == 201) {
            FIRST_ORGANIZATION_OF.put(key, slug); // a new account: its home from now on
        } else if (response.status() == 409 && FIRST_ORGANIZATION_OF.containsKey(key)) {
            response = api.post("/v1/organizations", """
                    {"name": "Organization %s", "slug": "%s"}""".formatted(slug, slug),
                    userAuth(email, FIRST_ORGANIZATION_OF.get(key)));
        }
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        var firstKey = response.object("apiKey");
        return new Tenant(UUID.fromString(response.object("organization").get("id").toString()), slug,
                UUID.fromString(firstKey.get("id").toString()), firstKey.get("token").toString());
    }

    /** A unique address for a test user. */
    protected static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    /** Logs in with PASSWORD; the response holds accessToken and refreshToken. */
    protected ApiClient.Response logIn(String email, String organization) {
        return api.post("/v1/auth/token", """
                {"email": "%s", "password": "%s", "organization": "%s"}""".formatted(email, PASSWORD, organization));
    }

    /** The Authorization header of a successful login's access token. */
    protected String[] userAuth(String email, String organization) {
        var response = logIn(email, organization);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return new String[] {"Authorization", "Bearer " + response.string("accessToken")};
    }

    protected String createTask(Tenant tenant, String json) {
        var response = api.post("/v1/tasks", json, tenant.auth());
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.string("id");
    }
}
