-- Tasks: the first business module. An organization has many tasks.
CREATE TABLE tasks (
    organization_id uuid        NOT NULL,
    id              uuid        NOT NULL DEFAULT new_uuidv7(),
    title           text        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    description     text        CHECK (char_length(description) <= 10000),
    due_date        timestamptz,
    completed       boolean     NOT NULL DEFAULT false,
    version         bigint      NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT tasks_pkey PRIMARY KEY (organization_id, id),
    CONSTRAINT tasks_organization_fkey FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE
);
-- The primary key serves "newest first" (a backward scan on (organization_id, id)) and lookups by id.
-- Filtering by completion keeps the same order:
CREATE INDEX tasks_completed_idx ON tasks (organization_id, completed, id);
-- Only tasks with a due date can match dueBefore; the partial index leaves the others out.
CREATE INDEX tasks_due_date_idx ON tasks (organization_id, due_date) WHERE due_date IS NOT NULL;
CREATE TRIGGER tasks_set_updated_at BEFORE UPDATE ON tasks
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

ALTER TABLE tasks ENABLE ROW LEVEL SECURITY;
ALTER TABLE tasks FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tasks FOR ALL TO tenantcore_app
    USING      (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid))
    WITH CHECK (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid));
