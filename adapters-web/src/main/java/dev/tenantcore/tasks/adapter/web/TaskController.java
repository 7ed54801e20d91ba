package dev.tenantcore.tasks.adapter.web;

import dev.tenantcore.shared.adapter.web.ApiContract;
import dev.tenantcore.shared.adapter.web.EntityTags;
import dev.tenantcore.shared.adapter.web.Idempotent;
import dev.tenantcore.shared.adapter.web.PageCursor;
import dev.tenantcore.shared.adapter.web.PageResponse;
import dev.tenantcore.shared.domain.PageRequest;
import dev.tenantcore.shared.domain.UserId;
import dev.tenantcore.tasks.application.CreateTaskCommand;
import dev.tenantcore.tasks.application.CreateTaskUseCase;
import dev.tenantcore.tasks.application.DeleteTaskUseCase;
import dev.tenantcore.tasks.application.GetTaskUseCase;
import dev.tenantcore.tasks.application.ListTasksUseCase;
import dev.tenantcore.tasks.application.UpdateTaskCommand;
import dev.tenantcore.tasks.application.UpdateTaskUseCase;
import dev.tenantcore.tasks.domain.Task;
import dev.tenantcore.tasks.domain.TaskFilter;
import dev.tenantcore.tasks.domain.TaskId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;

@Controller("/v1/tasks")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ApiContract.Authenticated
@Tag(name = "Tasks")
class TaskController {
    private final CreateTaskUseCase createTask;
    private final GetTaskUseCase getTask;
    private final UpdateTaskUseCase updateTask;
    private final DeleteTaskUseCase deleteTask;
    private final ListTasksUseCase listTasks;
    private final TaskWebMapper mapper;

    TaskController(CreateTaskUseCase createTask, GetTaskUseCase getTask, UpdateTaskUseCase updateTask,
            DeleteTaskUseCase deleteTask, ListTasksUseCase listTasks, TaskWebMapper mapper) {
        this.createTask = createTask;
        this.getTask = getTask;
        this.updateTask = updateTask;
        this.deleteTask = deleteTask;
        this.listTasks = listTasks;
        this.mapper = mapper;
    }

    @Post
    @Idempotent
    @Status(HttpStatus.CREATED)
    @ApiContract.CreatedAt
    @ApiContract.BadRequest
    @ApiContract.UnprocessableContent
    @Operation(operationId = "createTask", summary = "Create a task",
            description = "assigneeId, if given, must be a member of the organization (422 otherwise).")
    HttpResponse<TaskResponse> create(@Body @Valid CreateTaskRequest request) {
        var task = createTask.create(new CreateTaskCommand(request.title(), request.description(), request.dueDate(),
                Boolean.TRUE.equals(request.completed()),
                request.assigneeId() == null ? null : new UserId(request.assigneeId())));
        return withEntityTag(HttpResponse.created(mapper.toResponse(task), URI.create("/v1/tasks/" + task.id())), task);
    }

    @Get("/{id}")
    @ApiContract.OkWithETag
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @ApiContract.UnprocessableContent
    @Operation(operationId = "getTask", summary = "Get a task, now or as it was at an instant",
            description = "With asOf, the task as it was at that instant, rebuilt from the audit log (also for a "
                    + "task deleted since): 404 if it did not exist then, 422 if the log does not reach back that "
                    + "far. Only the current task carries an ETag.")
    HttpResponse<TaskResponse> get(@PathVariable UUID id, @QueryValue @Nullable Instant asOf) {
        if (asOf != null) {
            return HttpResponse.ok(mapper.toResponse(getTask.getAsOf(new TaskId(id), asOf)));
        }
        var task = getTask.get(new TaskId(id));
        return withEntityTag(HttpResponse.ok(mapper.toResponse(task)), task);
    }

    @Patch("/{id}")
    @ApiContract.OkWithETag
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @ApiContract.PreconditionFailed
    @ApiContract.UnprocessableContent
    @Operation(operationId = "updateTask", summary = "Change some of a task's fields",
            description = "Only the properties present are changed; null clears description, dueDate or "
                    + "assigneeId. The assignee must be a member of the organization (422 otherwise). Honours "
                    + "If-Match (412 when stale).")
    HttpResponse<TaskResponse> update(@PathVariable UUID id, @Body UpdateTaskRequest request,
            @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        var task = updateTask.update(new UpdateTaskCommand(new TaskId(id), EntityTags.ifMatch(ifMatch),
                request.title(), request.description(), request.dueDate(), request.completed(),
                request.assigneeId().map(UserId::new)));
        return withEntityTag(HttpResponse.ok(mapper.toResponse(task)), task);
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @ApiContract.NoContent
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_JSON_PROBLEM})
    @ApiContract.BadRequest
    @ApiContract.NotFound
    @ApiContract.PreconditionFailed
    @Operation(operationId = "deleteTask",
            summary = "Delete a task", description = "Honours If-Match (412 when stale).")
    HttpResponse<Void> delete(@PathVariable UUID id, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        deleteTask.delete(new TaskId(id), EntityTags.ifMatch(ifMatch));
        return HttpResponse.noContent();
    }

    @Get
    @ApiContract.Ok
    @ApiContract.BadRequest
    @ApiContract.UnprocessableContent
    @Operation(operationId = "listTasks", summary = "List tasks, newest first",
            description = "Filters: completed, dueBefore, assigneeId (a member's user id). Keyset pagination: pass "
                    + "nextCursor from the previous page as cursor.")
    PageResponse<TaskResponse> list(
            @QueryValue @Nullable @Pattern(regexp = "true|false", message = "must be true or false") String completed,
            @QueryValue @Nullable Instant dueBefore,
            @QueryValue @Nullable UUID assigneeId,
            @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit,
            @QueryValue @Nullable PageCursor cursor) {
        var filter = new TaskFilter(completed == null ? null : Boolean.valueOf(completed), dueBefore,
                assigneeId == null ? null : new UserId(assigneeId));
        var after = cursor == null ? null : new TaskId(cursor.after());
        var page = listTasks.list(filter, new PageRequest<>(after, limit));
        return PageResponse.of(page, mapper::toResponse, task -> task.id().value());
    }

    private static MutableHttpResponse<TaskResponse> withEntityTag(MutableHttpResponse<TaskResponse> response, Task task) {
        return response.header(HttpHeaders.ETAG, EntityTags.of(task.version()));
    }
}
