package dev.tenantcore.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantcore.client.api.AuditLogApi;
import dev.tenantcore.client.api.IdentityApi;
import dev.tenantcore.client.api.OrganizationsApi;
import dev.tenantcore.client.api.TasksApi;
import dev.tenantcore.client.model.AuditEvent;
import dev.tenantcore.client.model.CreateTaskRequest;
import dev.tenantcore.client.model.Problem;
import dev.tenantcore.client.model.SignUpRequest;
import dev.tenantcore.client.model.SignUpRequestOwner;
import dev.tenantcore.client.model.Task;
import dev.tenantcore.client.model.TokenRequest;
import dev.tenantcore.client.model.UpdateTaskRequest;
import dev.tenantcore.support.ServiceTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Drives the real service through the Java client generated from the built OpenAPI document (library native):
 * if the document mis-describes a status, a header, a body or a cursor, the generated code fails here.
 */
@MicronautTest(transactional = false)
class GeneratedJavaClientTest extends ServiceTest {

    @Test
    void signUpLogInAndManageTasksThroughTheGeneratedClient() throws Exception {
        var client = new ApiClient();
        client.updateBaseUri(server.getURI().toString());

        var slug = "client-" + UUID.randomUUID().toString().substring(0, 8);
        var email = uniqueEmail();
        var signedUp = new OrganizationsApi(client).createOrganizationWithHttpInfo(new SignUpRequest()
                .name("Generated Client Inc").slug(slug)
                .owner(new SignUpRequestOwner().email(email).password(PASSWORD).displayName("Ada")));
        assertThat(signedUp.getStatusCode()).isEqualTo(201);
        assertThat(signedUp.getData().getOrganization().getSlug()).isEqualTo(slug);
        assertThat(signedUp.getHeaders()).containsKeys("location", "etag", "x-request-id");

        var tokens = new IdentityApi(client).createAccessToken(
                new TokenRequest().email(email).password(PASSWORD).organization(slug));
        assertThat(tokens.getAccessToken()).isNotBlank();
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + tokens.getAccessToken()));

        var tasks = new TasksApi(client);
        var created = new ArrayList<UUID>();
        for (var title : List.of("First", "Second", "Third", "Fourth", "Fifth")) {
            var idempotencyKey = UUID.randomUUID().toString();
            var response = tasks.createTaskWithHttpInfo(new CreateTaskRequest().title(title), idempotencyKey);
            assertThat(response.getStatusCode()).isEqualTo(201);
            var task = response.getData();
            // A retry with the key, as a client does when it did not get the answer: the same task, not a new one.
            assertThat(tasks.createTask(new CreateTaskRequest().title(title), idempotencyKey).getId())
                    .isEqualTo(task.getId());
            assertThat(response.getHeaders().get("location")).containsExactly("/v1/tasks/" + task.getId());
            assertThat(response.getHeaders().get("etag")).containsExactly("\"1\"");
            created.add(task.getId());
        }

        // Pages of two, following nextCursor (a string) until it is null: every task once, newest first.
        var listed = new ArrayList<UUID>();
        var pages = 0;
        String cursor = null;
        do {
            var page = tasks.listTasks(null, null, null, 2, cursor);
            pages++;
            assertThat(page.getItems()).hasSizeLessThanOrEqualTo(2);
            page.getItems().stream().map(Task::getId).forEach(listed::add);
            cursor = page.getNextCursor();
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(listed).containsExactlyElementsOf(created.reversed());

        var target = created.getFirst();
        var completion = new UpdateTaskRequest().completed(true);
        var updated = tasks.updateTaskWithHttpInfo(target, completion, "\"1\"");
        assertThat(updated.getData().getCompleted()).isTrue();
        assertThat(updated.getHeaders().get("etag")).containsExactly("\"2\"");

        // A stale If-Match: 412 with the one Problem shape the document describes.
        assertThatThrownBy(() -> tasks.deleteTask(target, "\"1\""))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(412);
                    assertThat(e.getResponseHeaders().firstValue("content-type")).hasValue("application/problem+json");
                    var problem = readProblem(client, e);
                    assertThat(problem.getStatus()).isEqualTo(412);
                    assertThat(problem.getType()).endsWith("/precondition-failed");
                });

        var deleted = tasks.deleteTaskWithHttpInfo(target, "\"2\"");
        assertThat(deleted.getStatusCode()).isEqualTo(204);
        assertThatThrownBy(() -> tasks.getTask(target, null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));

        var history = new AuditLogApi(client).listEntityHistory("tasks", target, null, null);
        assertThat(history.getItems()).extracting(AuditEvent::getAction).containsExactly("delete", "update", "create");
        assertThat(history.getNextCursor()).isNull();
    }

    private static Problem readProblem(ApiClient client, ApiException e) {
        try {
            return client.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
            throw new AssertionError("not a problem+json body: " + e.getResponseBody(), notJson);
        }
    }
}
