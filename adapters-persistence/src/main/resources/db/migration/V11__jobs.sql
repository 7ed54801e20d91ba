-- The shared background job queue (README: "Background jobs"; docs/operations.md: "The job worker").
-- (V11, not V10: V10 is being written on another branch at the same time.)
--
-- Two tables. scheduled_tasks is db-scheduler's queue, global: it holds which job is due when and which process has
-- claimed it, and nothing of the tenant's but ids: the task instance is '<organization id>/<job id>' and task data
-- is always NULL (both enforced below), so the queue can be read and claimed without any tenant setting. jobs holds
-- each job's own state (status, progress, error) under row-level security like every tenant table; the worker reads
-- and writes it only inside that organization's transaction.

-- db-scheduler 16's PostgreSQL schema (its postgresql_tables.sql), with the two CHECKs that keep tenant data out.
CREATE TABLE scheduled_tasks (
    task_name            text        NOT NULL,
    task_instance        text        NOT NULL
        CONSTRAINT scheduled_tasks_instance_is_ids_check CHECK (task_instance ~
            '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
    task_data            bytea
        CONSTRAINT scheduled_tasks_no_data_check CHECK (task_data IS NULL),
    execution_time       timestamptz NOT NULL,
    picked               boolean     NOT NULL,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures integer,
    last_heartbeat       timestamptz,
    version              bigint      NOT NULL,
    priority             smallint,
    CONSTRAINT scheduled_tasks_pkey PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
COMMENT ON TABLE scheduled_tasks IS 'owner: jobs';

CREATE TABLE jobs (
    organization_id uuid        NOT NULL,
    id              uuid        NOT NULL DEFAULT new_uuidv7(),
    -- The handler's type name, as it registers itself (JobHandler.type()).
    type            text        NOT NULL CHECK (type ~ '^[a-z][a-z0-9_.-]{0,62}$'),
    status          text        NOT NULL DEFAULT 'queued'
        CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    -- Steps committed so far: each step commits its work and this count in one transaction, so a restart repeats
    -- the step that was under way, never one that is done.
    steps           integer     NOT NULL DEFAULT 0 CHECK (steps >= 0),
    failures        integer     NOT NULL DEFAULT 0 CHECK (failures >= 0),
    last_error      text        CHECK (char_length(last_error) <= 1000),
    started_at      timestamptz,
    finished_at     timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT jobs_pkey PRIMARY KEY (organization_id, id),
    CONSTRAINT jobs_organization_fkey FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE
);
CREATE INDEX jobs_status_idx ON jobs (organization_id, status, id);
CREATE TRIGGER jobs_set_updated_at BEFORE UPDATE ON jobs
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
-- Creation, status changes and cancellation are events; progress (steps, failures, the last error, the start) alone
-- is bookkeeping: a long import would otherwise write one audit event per chunk.
CREATE TRIGGER jobs_audit AFTER INSERT OR UPDATE OR DELETE ON jobs
    FOR EACH ROW EXECUTE FUNCTION record_audit_event('job', 'organization_id', '{}',
        '{steps,failures,last_error,started_at}');
ALTER TABLE jobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE jobs FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON jobs FOR ALL TO tenantcore_app
    USING      (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid))
    WITH CHECK (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid));
COMMENT ON TABLE jobs IS 'owner: jobs';
