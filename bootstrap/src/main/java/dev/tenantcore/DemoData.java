package dev.tenantcore;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import net.datafaker.Faker;

/**
 * {@code TENANTCORE_DEMO_DATA=true}: once the server listens, a demo organization filled through the service's own
 * API (so every rule applies: permissions, validation, row-level security, the audit log), and its owner's login
 * printed. An organization with the demo slug already there means it was done: nothing is written again. Values
 * come from Datafaker with a fixed seed, so every database gets the same shop. The API cannot backdate, so the
 * orders are all of today; their statuses are spread over the whole status machine.
 */
@Singleton
@Requires(property = "tenantcore.demo-data", value = "true")
final class DemoData implements ApplicationEventListener<ServerStartupEvent> {
    private static final System.Logger LOG = System.getLogger(DemoData.class.getName());
    private static final List<String> STATUS_PATH = List.of("confirmed", "shipped", "delivered");

    private final JsonMapper json;
    private final String slug;
    private final String email;
    private final String password;
    private final int products;
    private final int orders;
    private final int tasks;
    private final int contacts;
    private final CompletableFuture<Boolean> done = new CompletableFuture<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private URI base;
    private final List<String[]> keys = new ArrayList<>();
    private int requests;

    DemoData(JsonMapper json, @Value("${tenantcore.demo.slug:demo}") String slug,
            @Value("${tenantcore.demo.email:owner@demo.tenantcore.dev}") String email,
            @Value("${tenantcore.demo.password:demo-password-2026}") String password,
            @Value("${tenantcore.demo.products:200}") int products,
            @Value("${tenantcore.demo.orders:1000}") int orders,
            @Value("${tenantcore.demo.tasks:40}") int tasks,
            @Value("${tenantcore.demo.contacts:60}") int contacts) {
        this.json = json;
        this.slug = slug;
        this.email = email;
        this.password = password;
        this.products = products;
        this.orders = orders;
        this.tasks = tasks;
        this.contacts = contacts;
    }

    /** Completes with true once this start filled the organization, false if it was there already. */
    CompletableFuture<Boolean> done() {
        return done;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        base = event.getSource().getURI();
        Thread.ofVirtual().name("demo-data").start(() -> {
            try {
                done.complete(fill());
            } catch (RuntimeException | IOException e) {
                LOG.log(System.Logger.Level.ERROR, "the demo data could not be written", e);
                done.completeExceptionally(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                done.completeExceptionally(e);
            }
        });
    }

    private boolean fill() throws IOException, InterruptedException {
        var signUp = send("POST", "/v1/organizations", Map.of("name", "Demo Shop", "slug", slug,
                "owner", Map.of("email", email, "password", password, "displayName", "Demo Owner")));
        if (signUp.status() == 409) {
            printLogin("is there already; nothing was written");
            return false;
        }
        var created = signUp.expect(201);
        @SuppressWarnings("unchecked")
        var firstKey = (Map<String, Object>) created.get("apiKey");
        keys.add(new String[] {firstKey.get("id").toString(), firstKey.get("token").toString()});
        // A second key of its own: each key has its own rate limit, the organization's is higher than one key's.
        var second = send("POST", "/v1/api-keys", Map.of("name", "demo data", "roles", List.of("admin"))).expect(201);
        keys.add(new String[] {second.get("id").toString(), second.get("token").toString()});

        var faker = new Faker(Locale.ENGLISH, new Random(2026));
        var contactIds = new ArrayList<String>();
        for (int i = 0; i < contacts; i++) {
            var name = faker.name().fullName();
            contactIds.add(send("POST", "/v1/contacts", Map.of("name", name,
                    "email", "contact" + i + "@" + faker.internet().domainName(),
                    "role", faker.job().title(), "company", faker.company().name())).expect(201).get("id").toString());
        }
        for (int i = 0; i < tasks; i++) {
            send("POST", "/v1/tasks", Map.of("title", faker.company().catchPhrase(),
                    "description", faker.lorem().sentence(12), "completed", i % 3 == 0)).expect(201);
        }
        var orderable = new ArrayList<String>();
        for (int i = 0; i < products; i++) {
            var product = new HashMap<String, Object>();
            product.put("sku", "DEMO-%04d".formatted(i + 1));
            product.put("name", faker.commerce().productName());
            product.put("description", "Made of " + faker.commerce().material().toLowerCase(Locale.ROOT) + ". "
                    + faker.lorem().sentence(10));
            product.put("priceMinor", 500 + faker.number().numberBetween(0, 19_500));
            product.put("currency", "EUR");
            product.put("stock", faker.number().numberBetween(60, 500));
            product.put("status", i % 25 == 24 ? "archived" : "active");
            product.put("attributes", Map.of("color", faker.color().name(),
                    "material", faker.commerce().material().toLowerCase(Locale.ROOT)));
            var id = send("POST", "/v1/products", product).expect(201).get("id").toString();
            if (i % 25 != 24) {
                orderable.add(id);
            }
        }
        for (int i = 0; i < orders && !orderable.isEmpty(); i++) {
            var lines = new ArrayList<Map<String, Object>>();
            var chosen = new ArrayList<String>();
            var count = 1 + faker.number().numberBetween(0, Math.min(3, orderable.size()));
            while (chosen.size() < count) {
                var product = orderable.get(faker.number().numberBetween(0, orderable.size()));
                if (!chosen.contains(product)) {
                    chosen.add(product);
                    lines.add(Map.of("productId", product, "quantity", 1 + faker.number().numberBetween(0, 3)));
                }
            }
            var order = new HashMap<String, Object>();
            order.put("lines", lines);
            if (i % 4 == 0 && !contactIds.isEmpty()) {
                order.put("customerContactId", contactIds.get(i % contactIds.size()));
            } else {
                order.put("customerEmail", "customer" + faker.number().numberBetween(1, 400) + "@example.com");
            }
            var placed = send("POST", "/v1/orders", order);
            if (placed.status() == 409) {
                continue; // a product ran out: an order the shop would refuse too
            }
            var id = placed.expect(201).get("id").toString();
            var fate = faker.number().numberBetween(0, 100);
            if (fate < 7) {
                send("PATCH", "/v1/orders/" + id, Map.of("status", "cancelled")).expect(200);
            } else if (fate >= 15) {
                var steps = fate < 25 ? 1 : fate < 40 ? 2 : 3;
                for (var status : STATUS_PATH.subList(0, steps)) {
                    send("PATCH", "/v1/orders/" + id, Map.of("status", status)).expect(200);
                }
            }
        }
        // The owner logs in with the password; the seeding keys go, the second one last and by itself.
        var seeding = List.copyOf(keys);
        keys.clear();
        keys.add(seeding.get(1));
        send("DELETE", "/v1/api-keys/" + seeding.get(0)[0], null).expect(204);
        send("DELETE", "/v1/api-keys/" + seeding.get(1)[0], null).expect(204);
        printLogin("was created: " + products + " products, " + orders + " orders, " + tasks + " tasks, "
                + contacts + " contacts");
        return true;
    }

    /** Printed, not logged: the demo owner's password is the documented demo password, meant to be read. */
    private void printLogin(String what) {
        System.out.println("Demo data: the organization '" + slug + "' " + what + ". Log in as " + email
                + " with the password " + password + " (POST /v1/auth/token, organization '" + slug + "').");
    }

    private record Answer(int status, String body, JsonMapper json) {
        @SuppressWarnings("unchecked")
        Map<String, Object> expect(int expected) throws IOException {
            if (status != expected) {
                throw new IOException("the demo data's request was answered " + status + ": " + body);
            }
            return body.isEmpty() ? Map.of() : json.readValue(body, Map.class);
        }
    }

    /** Alternates the keys, and waits out a rate limit (429) as its Retry-After says. */
    private Answer send(String method, String path, Object body) throws IOException, InterruptedException {
        while (true) {
            var request = HttpRequest.newBuilder(base.resolve(path)).method(method, body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .header("Content-Type", "application/json");
            if (!keys.isEmpty()) {
                request.header("Authorization", "Bearer " + keys.get(requests++ % keys.size())[1]);
            }
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 429) {
                return new Answer(response.statusCode(), response.body(), json);
            }
            var wait = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
            Thread.sleep(Math.max(1, wait) * 1000);
        }
    }
}
