-- Webhooks (README: "Webhooks"; docs/operations.md: "Webhooks"): an organization's endpoints, the events its
-- changes raise, and their deliveries. Owned by the webhooks context.
--
-- The outbox: a trigger on each table whose changes are events writes the event, one delivery per subscribed
-- endpoint and a queue entry per delivery, in the changing transaction. A rolled-back change leaves nothing; a
-- committed one cannot be lost. The relay (WebhookDispatchRelay) turns queue entries into jobs of the shared job
-- queue, which delivers them.

CREATE TABLE webhooks (
    organization_id            uuid        NOT NULL,
    id                         uuid        NOT NULL DEFAULT new_uuidv7(),
    url                        text        NOT NULL CHECK (char_length(url) BETWEEN 1 AND 2000),
    event_types                text[]      NOT NULL CHECK (cardinality(event_types) BETWEEN 1 AND 50),
    enabled                    boolean     NOT NULL DEFAULT true,
    -- AES-GCM under the configured key (tenantcore.webhooks.encryption-key): nonce, then ciphertext and tag.
    secret_ciphertext          bytea       NOT NULL,
    -- The secret before the last rotation, still signed with until previous_secret_expires_at.
    previous_secret_ciphertext bytea,
    previous_secret_expires_at timestamptz,
    -- Since when every attempt has failed (NULL after a success); five days of that disables the endpoint.
    failing_since              timestamptz,
    disabled_at                timestamptz,
    version                    bigint      NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at                 timestamptz NOT NULL DEFAULT now(),
    updated_at                 timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT webhooks_pkey PRIMARY KEY (organization_id, id),
    CONSTRAINT webhooks_organization_fkey FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE,
    CONSTRAINT webhooks_previous_secret_check
        CHECK ((previous_secret_ciphertext IS NULL) = (previous_secret_expires_at IS NULL))
);
COMMENT ON TABLE webhooks IS 'owner: webhooks';
CREATE TRIGGER webhooks_set_updated_at BEFORE UPDATE ON webhooks
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
-- The secrets never reach the audit log; an automatic disabling is recorded as the action "disable".
CREATE TRIGGER webhooks_audit AFTER INSERT OR UPDATE OR DELETE ON webhooks
    FOR EACH ROW EXECUTE FUNCTION record_audit_event('webhook', 'organization_id',
        '{secret_ciphertext,previous_secret_ciphertext}', '{failing_since}', '{"disabled_at": "disable"}');
ALTER TABLE webhooks ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhooks FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON webhooks FOR ALL TO tenantcore_app
    USING      (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid))
    WITH CHECK (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid));

-- The outbox: one row per event, with the body every endpoint receives.
CREATE TABLE webhook_events (
    organization_id uuid        NOT NULL,
    id              uuid        NOT NULL DEFAULT new_uuidv7(),
    type            text        NOT NULL CHECK (type ~ '^[a-z_]+\.[a-z_]+$'),
    payload         jsonb       NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT webhook_events_pkey PRIMARY KEY (organization_id, id),
    CONSTRAINT webhook_events_organization_fkey FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE
);
COMMENT ON TABLE webhook_events IS 'owner: webhooks';
CREATE TRIGGER webhook_events_set_updated_at BEFORE UPDATE ON webhook_events
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
ALTER TABLE webhook_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON webhook_events FOR ALL TO tenantcore_app
    USING      (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid))
    WITH CHECK (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid));

-- One event for one endpoint: its state and its last attempt (the delivery log).
CREATE TABLE webhook_deliveries (
    organization_id   uuid        NOT NULL,
    id                uuid        NOT NULL DEFAULT new_uuidv7(),
    webhook_id        uuid        NOT NULL,
    event_id          uuid        NOT NULL,
    status            text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts          integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    response_status   integer,
    duration_ms       integer,
    last_error        text        CHECK (char_length(last_error) <= 500),
    last_attempt_at   timestamptz,
    next_attempt_at   timestamptz,
    -- The job that makes the next attempt (jobs of the shared queue know only their own id).
    job_id            uuid,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT webhook_deliveries_pkey PRIMARY KEY (organization_id, id),
    CONSTRAINT webhook_deliveries_webhook_fkey FOREIGN KEY (organization_id, webhook_id)
        REFERENCES webhooks (organization_id, id) ON DELETE CASCADE,
    CONSTRAINT webhook_deliveries_event_fkey FOREIGN KEY (organization_id, event_id)
        REFERENCES webhook_events (organization_id, id) ON DELETE CASCADE
);
COMMENT ON TABLE webhook_deliveries IS 'owner: webhooks';
-- The delivery log of one endpoint, newest first.
CREATE INDEX webhook_deliveries_webhook_idx ON webhook_deliveries (organization_id, webhook_id, id);
CREATE INDEX webhook_deliveries_event_idx ON webhook_deliveries (organization_id, event_id);
CREATE UNIQUE INDEX webhook_deliveries_job_key ON webhook_deliveries (organization_id, job_id);
CREATE TRIGGER webhook_deliveries_set_updated_at BEFORE UPDATE ON webhook_deliveries
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
ALTER TABLE webhook_deliveries ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_deliveries FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON webhook_deliveries FOR ALL TO tenantcore_app
    USING      (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid))
    WITH CHECK (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid));

-- Deliveries not yet handed to the job queue, global so that the relay finds them without a tenant: like
-- db-scheduler's table, an entry names only '<organization id>/<delivery id>'.
CREATE TABLE webhook_dispatch_queue (
    entry      text        NOT NULL
        CONSTRAINT webhook_dispatch_queue_entry_is_ids_check CHECK (entry ~
            '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
    CONSTRAINT webhook_dispatch_queue_pkey PRIMARY KEY (entry)
);
COMMENT ON TABLE webhook_dispatch_queue IS 'owner: webhooks';

-- The outbox trigger. Arguments:
--     1. the event types by operation and by named transition, e.g.
--        '{"INSERT": "api_key.created", "revoked_at": "api_key.revoked"}': a column going from NULL to a value
--        names the update; an update with no entry raises nothing;
--     2. columns never sent: secrets and derived columns;
--     3. columns whose change alone is no event (updated_at and version always are).
-- Runs as the caller (the runtime role): row-level security holds the event to the changed row's tenant. Nothing
-- is written for an organization without an enabled endpoint that wants the type.
CREATE FUNCTION record_webhook_event() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET timezone = 'UTC'
AS $$
DECLARE
    names      jsonb  := TG_ARGV[0]::jsonb;
    hidden     text[] := CASE WHEN TG_NARGS > 1 THEN TG_ARGV[1]::text[] ELSE '{}' END;
    quiet      text[] := CASE WHEN TG_NARGS > 2 THEN TG_ARGV[2]::text[] ELSE '{}' END || '{updated_at,version}'::text[];
    old_row    jsonb;
    new_row    jsonb;
    event_type text   := names ->> TG_OP;
    tenant     uuid;
    event_id   uuid;
    naming     record;
BEGIN
    new_row := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END - hidden;
    IF TG_OP = 'UPDATE' THEN
        old_row := to_jsonb(OLD) - hidden;
        IF NOT EXISTS (SELECT FROM jsonb_each(new_row) n
                       WHERE n.key <> ALL (quiet) AND n.value IS DISTINCT FROM old_row -> n.key) THEN
            RETURN NULL;
        END IF;
        FOR naming IN SELECT key, value FROM jsonb_each_text(names) WHERE key NOT IN ('INSERT', 'UPDATE', 'DELETE') LOOP
            IF old_row ->> naming.key IS NULL AND new_row ->> naming.key IS NOT NULL THEN
                event_type := naming.value;
            END IF;
        END LOOP;
    END IF;
    IF event_type IS NULL THEN
        RETURN NULL;
    END IF;
    tenant := (new_row ->> 'organization_id')::uuid;
    -- The organization itself going away (cascading deletes) raises nothing.
    IF NOT EXISTS (SELECT FROM public.webhooks w JOIN public.organizations o ON o.id = w.organization_id
                   WHERE w.organization_id = tenant AND w.enabled AND event_type = ANY (w.event_types)) THEN
        RETURN NULL;
    END IF;
    event_id := public.new_uuidv7();
    INSERT INTO public.webhook_events (organization_id, id, type, payload)
    VALUES (tenant, event_id, event_type, jsonb_build_object(
        'id', event_id,
        'type', event_type,
        'timestamp', to_char(now(), 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        'organizationId', tenant,
        -- The row in the API's spelling: organization_id -> organizationId.
        'data', (SELECT jsonb_object_agg(lower(left(k.camel, 1)) || substr(k.camel, 2), r.value)
                 FROM jsonb_each(new_row) r,
                      LATERAL (SELECT replace(initcap(replace(r.key, '_', ' ')), ' ', '') AS camel) k)));
    WITH deliveries AS (
        INSERT INTO public.webhook_deliveries (organization_id, webhook_id, event_id)
        SELECT tenant, w.id, event_id FROM public.webhooks w
        WHERE w.organization_id = tenant AND w.enabled AND event_type = ANY (w.event_types)
        RETURNING id)
    INSERT INTO public.webhook_dispatch_queue (entry) SELECT tenant::text || '/' || d.id::text FROM deliveries d;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION record_webhook_event() FROM PUBLIC;

CREATE TRIGGER tasks_webhook AFTER INSERT OR UPDATE OR DELETE ON tasks
    FOR EACH ROW EXECUTE FUNCTION record_webhook_event(
        '{"INSERT": "task.created", "UPDATE": "task.updated", "DELETE": "task.deleted"}');
CREATE TRIGGER memberships_webhook AFTER INSERT OR DELETE ON memberships
    FOR EACH ROW EXECUTE FUNCTION record_webhook_event('{"INSERT": "member.added", "DELETE": "member.removed"}');
CREATE TRIGGER api_keys_webhook AFTER INSERT OR UPDATE ON api_keys
    FOR EACH ROW EXECUTE FUNCTION record_webhook_event(
        '{"INSERT": "api_key.created", "revoked_at": "api_key.revoked"}', '{secret_hash}', '{last_used_at}');
-- Moving a contact to the trash is its deletion (as in the audit log); the purge later raises nothing more.
CREATE TRIGGER contacts_webhook AFTER INSERT OR UPDATE ON contacts
    FOR EACH ROW EXECUTE FUNCTION record_webhook_event(
        '{"INSERT": "contact.created", "UPDATE": "contact.updated", "deleted_at": "contact.deleted"}',
        '{search_name,search_document}');

INSERT INTO permissions (name, description) VALUES
    ('webhooks:read',   'read webhook endpoints and their deliveries'),
    ('webhooks:manage', 'create, change, delete and redeliver webhook endpoints, and rotate their secrets');
-- Endpoints receive every change of the organization: managing them is for owners and admins.
INSERT INTO builtin_role_permissions (role, permission) VALUES
    ('owner', 'webhooks:read'), ('owner', 'webhooks:manage'),
    ('admin', 'webhooks:read'), ('admin', 'webhooks:manage'),
    ('viewer', 'webhooks:read');
