package dev.tenantcore.tasks.application;

import dev.tenantcore.shared.application.FieldChange;
import dev.tenantcore.shared.domain.ExpectedVersion;
import dev.tenantcore.shared.domain.InvariantViolationException;
import dev.tenantcore.shared.domain.UserId;
import dev.tenantcore.tasks.domain.TaskId;
import java.time.Instant;
import java.util.Objects;
import java.util.stream.Stream;

/** A partial update: only the fields that are a {@link FieldChange#to change} are touched. */
public record UpdateTaskCommand(
        TaskId id,
        ExpectedVersion expectedVersion,
        FieldChange<String> title,
        FieldChange<String> description,
        FieldChange<Instant> dueDate,
        FieldChange<Boolean> completed,
        FieldChange<UserId> assigneeId) {

    public UpdateTaskCommand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(completed, "completed");
        Objects.requireNonNull(assigneeId, "assigneeId");
        if (completed instanceof FieldChange.SetTo<Boolean>(Boolean value) && value == null) {
            throw new InvariantViolationException("completed", "completed must be true or false, not null");
        }
    }

    public boolean changesAnything() {
        return Stream.of(title, description, dueDate, completed, assigneeId).anyMatch(FieldChange::isChange);
    }
}
