package dev.tenantcore.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The contract every operation of the built OpenAPI document keeps (the document the service serves, from
 * adapters-web's build), checked over every operation so that a new controller cannot leave it out: verb-noun
 * operation ids, the success headers, the 429 with its headers, problem+json for every error, 401/403 where a
 * credential is needed, 404 where an id is in the path, 412 where If-Match is taken. The controllers get all of
 * this from ApiContract's annotations; the linters (api/check) check the rest.
 */
class OpenApiContractTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final String PROBLEM = "#/components/schemas/Problem";

    private static Map<String, Object> document;
    private static final List<Operation> OPERATIONS = new ArrayList<>();

    record Operation(String method, String path, Map<String, Object> definition) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }

        Map<String, Object> responses() {
            return map(definition.get("responses"));
        }

        List<Map<String, Object>> parameters() {
            var parameters = definition.get("parameters");
            return parameters == null ? List.of() : list(parameters).stream().map(OpenApiContractTest::map).toList();
        }
    }

    @BeforeAll
    static void readTheBuiltDocument() throws IOException {
        try (InputStream in = OpenApiContractTest.class.getResourceAsStream("/META-INF/swagger/tenantcore-v1.yml")) {
            assertThat(in).as("the document adapters-web's build writes").isNotNull();
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        map(document.get("paths")).forEach((path, item) -> map(item).forEach((method, definition) -> {
            if (METHODS.contains(method)) {
                OPERATIONS.add(new Operation(method, path, map(definition)));
            }
        }));
        assertThat(OPERATIONS).as("operations in the document").hasSizeGreaterThan(40);
    }

    @Test
    void operationIdsAreUniqueVerbNounNames() {
        var seen = new HashSet<String>();
        for (var operation : OPERATIONS) {
            var id = (String) operation.definition().get("operationId");
            assertThat(id).as("operationId of %s", operation).matches("[a-z]+([A-Z][a-z]+)+");
            assertThat(seen.add(id)).as("%s: operationId %s is taken", operation, id).isTrue();
        }
    }

    @Test
    void everyApiSuccessCarriesTheRequestIdAndRateLimitHeaders() {
        for (var operation : apiOperations()) {
            var successes = operation.responses().entrySet().stream()
                    .filter(response -> response.getKey().startsWith("2")).toList();
            if (successes.isEmpty()) { // a browser's step (OpenID Connect authorize, logout): its success redirects
                successes = operation.responses().entrySet().stream()
                        .filter(response -> response.getKey().startsWith("3")).toList();
            }
            assertThat(successes).as("success responses of %s", operation).isNotEmpty();
            for (var success : successes) {
                assertThat(headers(success.getValue())).as("headers of %s %s", operation, success.getKey())
                        .containsKeys("X-Request-Id", "RateLimit", "RateLimit-Policy");
            }
        }
    }

    @Test
    void everyOperationDocumentsTheTooManyRequestsProblem() {
        for (var operation : OPERATIONS) {
            var tooMany = operation.responses().get("429");
            assertThat(tooMany).as("429 of %s", operation).isNotNull();
            assertThat(headers(tooMany)).as("429 headers of %s", operation).containsKey("Retry-After");
            if (operation.path().startsWith("/v1/")) {
                assertThat(headers(tooMany)).as("429 headers of %s", operation)
                        .containsKeys("RateLimit", "RateLimit-Policy");
            }
        }
    }

    @Test
    void everyErrorIsTheOneProblemSchemaAsProblemJson() {
        for (var operation : OPERATIONS) {
            operation.responses().forEach((status, response) -> {
                if (status.startsWith("4")) {
                    var content = map(map(response).get("content"));
                    assertThat(content).as("%s %s", operation, status).containsOnlyKeys("application/problem+json");
                    var schema = map(map(content.get("application/problem+json")).get("schema"));
                    assertThat(schema).as("%s %s", operation, status).containsEntry("$ref", PROBLEM);
                }
            });
        }
        var problem = map(map(map(document.get("components")).get("schemas")).get("Problem"));
        assertThat(map(problem.get("properties")))
                .containsOnlyKeys("type", "title", "status", "detail", "instance", "errors");
    }

    @Test
    void operationsNeedingACredentialSayWhichAndDocument401And403() {
        var secured = 0;
        for (var operation : OPERATIONS) {
            var security = operation.definition().get("security");
            if (security != null && !list(security).isEmpty()) {
                secured++;
                assertThat(operation.responses()).as("responses of %s", operation).containsKeys("401", "403");
            }
        }
        assertThat(secured).as("secured operations").isGreaterThan(30);
    }

    @Test
    void idsInThePathMean404AndIfMatchMeans412() {
        for (var operation : apiOperations()) {
            for (var parameter : operation.parameters()) {
                if ("path".equals(parameter.get("in")) && !operation.path().startsWith("/v1/auth/oidc/")) {
                    assertThat(operation.responses()).as("responses of %s", operation).containsKey("404");
                }
                if ("If-Match".equals(parameter.get("name"))) {
                    assertThat(operation.responses()).as("responses of %s", operation).containsKey("412");
                }
            }
        }
    }

    @Test
    void cursorsAreStringsAndNoJavaTypeLeaksIntoTheSchemas() {
        for (var operation : OPERATIONS) {
            operation.parameters().stream().filter(parameter -> "cursor".equals(parameter.get("name")))
                    .forEach(cursor -> assertThat(map(cursor.get("schema"))).as("cursor of %s", operation)
                            .containsEntry("type", "string"));
        }
        var schemas = map(map(document.get("components")).get("schemas")).keySet();
        assertThat(schemas).noneMatch(name -> name.contains("JsonNode") || name.contains("Cursor"));
    }

    @Test
    void idempotentPostsDocumentTheKeyAndItsAnswers() {
        var idempotent = apiOperations().stream().filter(operation -> operation.parameters().stream()
                .anyMatch(parameter -> "#/components/parameters/IdempotencyKey".equals(parameter.get("$ref"))))
                .toList();
        assertThat(idempotent).as("operations taking Idempotency-Key").hasSizeGreaterThanOrEqualTo(8)
                .allMatch(operation -> operation.method().equals("post"));
        for (var operation : idempotent) {
            assertThat(operation.responses()).as("responses of %s", operation).containsKeys("400", "409", "422");
        }
        var key = map(map(map(document.get("components")).get("parameters")).get("IdempotencyKey"));
        assertThat(key).containsEntry("name", "Idempotency-Key").containsEntry("in", "header");
        assertThat(map(key.get("schema"))).containsEntry("type", "string").containsEntry("maxLength", 255);
    }

    private List<Operation> apiOperations() {
        return OPERATIONS.stream().filter(operation -> operation.path().startsWith("/v1/")).toList();
    }

    private static Map<String, Object> headers(Object response) {
        var headers = map(response).get("headers");
        return headers == null ? Map.of() : map(headers);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
