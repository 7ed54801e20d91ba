-- Imports of contacts (issue 14): a file uploaded by an organization, read by a background job (the shared queue of
-- V11) in chunks. Owned by the contacts context: the rows it writes are contacts, and contacts.import_id names it.

CREATE TABLE imports (
    organization_id    uuid        NOT NULL,
    -- Also the id of the queue's job that reads the file (V11's jobs): the job carries nothing else, and its
    -- handler finds its parameters here.
    id                 uuid        NOT NULL,
    file_name          text        NOT NULL CHECK (char_length(file_name) BETWEEN 1 AND 255),
    format             text        NOT NULL CHECK (format IN ('csv')),
    size_bytes         bigint      NOT NULL CHECK (size_bytes >= 0),
    production_id      uuid,
    duplicate_policy   text        NOT NULL CHECK (duplicate_policy IN ('skip', 'update', 'create')),
    dry_run            boolean     NOT NULL,
    -- Contact field -> column header, as given or as detected from the headers at upload.
    mapping            jsonb       NOT NULL CHECK (jsonb_typeof(mapping) = 'object'
                                                   AND octet_length(mapping::text) <= 16384),
    status             text        NOT NULL DEFAULT 'pending'
                                   CHECK (status IN ('pending', 'processing', 'completed', 'failed', 'cancelled')),
    -- Data rows in the file (counted when it was uploaded) and rows done: the job's cursor. A chunk's contacts and
    -- this cursor commit together, so a restarted job resumes exactly after the last chunk.
    rows_total         integer     NOT NULL CHECK (rows_total >= 0),
    rows_done          integer     NOT NULL DEFAULT 0 CHECK (rows_done >= 0),
    created_count      integer     NOT NULL DEFAULT 0 CHECK (created_count >= 0),
    updated_count      integer     NOT NULL DEFAULT 0 CHECK (updated_count >= 0),
    skipped_count      integer     NOT NULL DEFAULT 0 CHECK (skipped_count >= 0),
    failed_count       integer     NOT NULL DEFAULT 0 CHECK (failed_count >= 0),
    needs_review_count integer     NOT NULL DEFAULT 0 CHECK (needs_review_count >= 0),
    error              text        CHECK (char_length(error) <= 1000),
    finished_at        timestamptz,
    version            bigint      NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT imports_pkey PRIMARY KEY (organization_id, id),
    CONSTRAINT imports_progress_check CHECK (rows_done <= rows_total),
    CONSTRAINT imports_organization_fkey FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE,
    CONSTRAINT imports_production_fkey FOREIGN KEY (organization_id, production_id)
        REFERENCES productions (organization_id, id)
);
COMMENT ON TABLE imports IS 'owner: contacts';
CREATE INDEX imports_production_idx ON imports (organization_id, production_id) WHERE production_id IS NOT NULL;
CREATE TRIGGER imports_set_updated_at BEFORE UPDATE ON imports
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
-- The upload, its status changes and its cancellation are events; the cursor and counters moving chunk by chunk
-- are bookkeeping (the final figures are recorded with the status change that ends the import).
CREATE TRIGGER imports_audit AFTER INSERT OR UPDATE OR DELETE ON imports
    FOR EACH ROW EXECUTE FUNCTION record_audit_event('import', 'organization_id', '{}',
        '{rows_total,rows_done,created_count,updated_count,skipped_count,failed_count,needs_review_count,version}');
ALTER TABLE imports ENABLE ROW LEVEL SECURITY;
ALTER TABLE imports FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON imports FOR ALL TO tenantcore_app
    USING      (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid))
    WITH CHECK (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid));

-- The per-row error report: one line per refused row (GET /v1/imports/{id}/errors.csv), written in the chunk's
-- transaction with the cursor, so a repeated chunk cannot report a row twice (the key).
CREATE TABLE import_errors (
    organization_id uuid        NOT NULL,
    import_id       uuid        NOT NULL,
    -- The row's line in the file (the header is line 1).
    row_number      integer     NOT NULL CHECK (row_number > 0),
    field           text        CHECK (char_length(field) <= 100),
    value           text        CHECK (char_length(value) <= 1000),
    message         text        NOT NULL CHECK (char_length(message) BETWEEN 1 AND 1000),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT import_errors_pkey PRIMARY KEY (organization_id, import_id, row_number),
    CONSTRAINT import_errors_import_fkey FOREIGN KEY (organization_id, import_id)
        REFERENCES imports (organization_id, id) ON DELETE CASCADE
);
COMMENT ON TABLE import_errors IS 'owner: contacts';
CREATE TRIGGER import_errors_set_updated_at BEFORE UPDATE ON import_errors
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
ALTER TABLE import_errors ENABLE ROW LEVEL SECURITY;
ALTER TABLE import_errors FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON import_errors FOR ALL TO tenantcore_app
    USING      (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid))
    WITH CHECK (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid));

-- The foreign key V10 left for this table: an imported contact names its import. Restrict, like the others: an
-- import with contacts is not deleted. The index serves that check and "the contacts of an import".
ALTER TABLE contacts ADD CONSTRAINT contacts_import_fkey FOREIGN KEY (organization_id, import_id)
    REFERENCES imports (organization_id, id);
CREATE INDEX contacts_import_idx ON contacts (organization_id, import_id) WHERE import_id IS NOT NULL;
-- An import's chunk looks up the live contacts of its production by the chunk's emails. citext's equality is not
-- LEAKPROOF, so under row-level security contacts_production_email_key serves it for organization_id alone (every
-- contact of the organization compared with every email: seconds per chunk at 100,000 contacts). Emails are stored
-- in lower case (the domain folds them), so the lookup compares them as text, whose equality is leakproof.
CREATE INDEX contacts_production_email_text_idx ON contacts (organization_id, production_id, (email::text))
    WHERE deleted_at IS NULL AND email IS NOT NULL;

INSERT INTO permissions (name, description) VALUES
    ('imports:manage', 'upload contact imports, see their progress and error reports, cancel them');
INSERT INTO builtin_role_permissions (role, permission) VALUES
    ('owner', 'imports:manage'), ('admin', 'imports:manage'), ('member', 'imports:manage');

-- The purge of the contacts' trash is a job per organization that queues its own next run (TrashPurge); sign-up
-- starts the chain of a new organization. The organizations that exist already get their first run here, a day
-- from now. The migration runs as the owner, whom FORCE holds to the runtime role's policies: lifted for this
-- backfill, in this transaction only; the audit trigger too (the backfill is the migration's, not an actor's).
ALTER TABLE organizations NO FORCE ROW LEVEL SECURITY;
ALTER TABLE jobs NO FORCE ROW LEVEL SECURITY;
ALTER TABLE jobs DISABLE TRIGGER jobs_audit;
WITH queued AS (
    INSERT INTO jobs (organization_id, type)
    SELECT id, 'contacts.purge-trash' FROM organizations
    RETURNING organization_id, id
)
INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)
SELECT 'contacts.purge-trash', organization_id || '/' || id, NULL, now() + interval '1 day', false, 1 FROM queued;
ALTER TABLE jobs ENABLE TRIGGER jobs_audit;
ALTER TABLE jobs FORCE ROW LEVEL SECURITY;
ALTER TABLE organizations FORCE ROW LEVEL SECURITY;
