package dev.tenantcore.tasks.domain;

import dev.tenantcore.shared.domain.OrganizationId;
import dev.tenantcore.shared.domain.UserId;
import java.time.Instant;

/** Valid tasks for tests; override only what the test is about. */
public final class TaskTestData {
    public static final String DEFAULT_TITLE = "Write the quarterly report";
    public static final Instant DEFAULT_TIMESTAMP = Instant.parse("2026-01-01T00:00:00Z");

    private TaskTestData() {
    }

    public static Builder aTask() {
        return new Builder();
    }

    public static final class Builder {
        private TaskId id = TaskId.generate();
        private OrganizationId organizationId = OrganizationId.generate();
        private String title = DEFAULT_TITLE;
        private String description;
        private Instant dueDate;
        private boolean completed;
        private UserId assigneeId;
        private long version = 1;
        private Instant createdAt = DEFAULT_TIMESTAMP;
        private Instant updatedAt = DEFAULT_TIMESTAMP;

        private Builder() {
        }

        public Builder withId(TaskId id) {
            this.id = id;
            return this;
        }

        public Builder withOrganizationId(OrganizationId organizationId) {
            this.organizationId = organizationId;
            return this;
        }

        public Builder withTitle(String title) {
            this.title = title;
            return this;
        }

        public Builder withDescription(String description) {
            this.description = description;
            return this;
        }

        public Builder withDueDate(Instant dueDate) {
            this.dueDate = dueDate;
            return this;
        }

        public Builder completed(boolean completed) {
            this.completed = completed;
            return this;
        }

        public Builder withAssigneeId(UserId assigneeId) {
            this.assigneeId = assigneeId;
            return this;
        }

        public Builder withVersion(long version) {
            this.version = version;
            return this;
        }

        public Builder withCreatedAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder withUpdatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public Task build() {
            return new Task(id, organizationId, title, description, dueDate, completed, assigneeId, version,
                    createdAt, updatedAt);
        }
    }
}
