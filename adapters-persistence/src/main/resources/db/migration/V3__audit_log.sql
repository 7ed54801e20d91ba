-- Audit log: every change to an audited table, recorded by the database itself.
--
-- A row trigger on each audited table writes one event per changed row into audit_events, in the same transaction
-- as the change: a rolled-back change leaves no event, and no code path can change audited data without one. Who
-- acted, the request id, the client address and the user agent arrive as transaction-local settings that the
-- service sends together with the tenant (TenantSettingDataSource). The runtime role may read its own tenant's
-- events and nothing more: the trigger function writes as tenantcore_audit, which may only insert.
--
-- A module joins the audit log by adding, in its own migration:
--     CREATE TRIGGER <table>_audit AFTER INSERT OR UPDATE OR DELETE ON <table>
--         FOR EACH ROW EXECUTE FUNCTION record_audit_event('<entity type>');
-- and gets as-of reads by selecting jsonb_populate_record(NULL::<table>, audit_state_as_of(...)) (see the tasks
-- repository). Trigger arguments, all optional after the first:
--     1. entity type, as the API shows it ('task');
--     2. the column holding the tenant (default organization_id; the organizations table uses id);
--     3. columns never recorded: secrets and hashes ('{secret_hash}');
--     4. columns whose change alone is bookkeeping, not an event ('{last_used_at}'; updated_at always is);
--     5. named actions: a column going from NULL to a value names the update ('{"revoked_at": "revoke"}').

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tenantcore_audit') THEN
        RAISE EXCEPTION 'role tenantcore_audit is missing: run db/provisioning/roles.sql again as a superuser';
    END IF;
END $$;

-- Event ids order the events of one transaction, which share occurred_at. PostgreSQL 18's uuidv7() is monotonic
-- within a session; on 15-17 the replacement now also fills the 12 bits after the milliseconds with the
-- sub-millisecond clock (as uuidv7() does), so ids made later in a session sort later.
DO $do$
BEGIN
    IF current_setting('server_version_num')::int < 180000 THEN
        EXECUTE $fn$
            CREATE OR REPLACE FUNCTION new_uuidv7() RETURNS uuid
            LANGUAGE sql VOLATILE PARALLEL SAFE
            RETURN (
                SELECT encode(
                    overlay(overlay(uuid_send(gen_random_uuid())
                            PLACING substring(int8send(micros / 1000) FROM 3) FROM 1 FOR 6)
                        PLACING int2send((28672 + micros % 1000 * 4096 / 1000)::int2) FROM 7 FOR 2),
                    'hex')::uuid
                FROM (SELECT floor(extract(epoch FROM clock_timestamp()) * 1000000)::bigint AS micros) AS clock)
        $fn$;
    END IF;
END
$do$;

CREATE TABLE audit_events (
    organization_id uuid        NOT NULL,
    id              uuid        NOT NULL,
    -- The start of the changing transaction: all changes of one transaction happen at one instant.
    occurred_at     timestamptz NOT NULL,
    actor_type      text        NOT NULL CHECK (actor_type IN ('user', 'api_key', 'system', 'anonymous')),
    actor_id        uuid,
    action          text        NOT NULL,
    entity_type     text        NOT NULL,
    entity_id       uuid        NOT NULL,
    -- create: new_values is the whole row; delete: old_values is; update: both hold only the changed columns.
    old_values      jsonb,
    new_values      jsonb,
    request_id      text,
    client_address  inet,
    user_agent      text,
    -- The partition key must be part of the primary key; the key also serves "newest first" per organization.
    CONSTRAINT audit_events_pkey PRIMARY KEY (organization_id, occurred_at, id)
) PARTITION BY RANGE (occurred_at);
-- One entity's history, and the as-of reads that replay it.
CREATE INDEX audit_events_entity_idx ON audit_events (organization_id, entity_type, entity_id, occurred_at, id);
-- "What did this key or user do": most events have an actor, system events do not.
CREATE INDEX audit_events_actor_idx ON audit_events (organization_id, actor_id, occurred_at, id)
    WHERE actor_id IS NOT NULL;

-- Anything outside the monthly partitions (a clock far off, a month not created yet) lands here; the maintenance
-- below moves such rows into their month's partition when it creates it.
CREATE TABLE audit_events_default PARTITION OF audit_events DEFAULT;

ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_events FOR ALL TO tenantcore_app
    USING      (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid))
    WITH CHECK (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid));
-- The trigger function's role appends, and only for the transaction's tenant (taken from the changed row, checked
-- against the setting here).
CREATE POLICY audit_append ON audit_events FOR INSERT TO tenantcore_audit
    WITH CHECK (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid));

-- Append-only for the service: read through the parent, never write directly.
REVOKE ALL ON audit_events FROM tenantcore_app;
GRANT SELECT ON audit_events TO tenantcore_app;
GRANT INSERT ON audit_events TO tenantcore_audit;

-- Partitions are reached only through the parent (whose privileges and policies apply there). Directly, the
-- service's roles get nothing, and row-level security is on and forced as well, with the parent's policy.
CREATE FUNCTION secure_audit_partition(partition regclass) RETURNS void
LANGUAGE plpgsql
SET search_path = public, pg_catalog, pg_temp
AS $$
BEGIN
    EXECUTE format('REVOKE ALL ON %s FROM tenantcore_app, tenantcore_audit', partition);
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', partition);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', partition);
    EXECUTE format($p$CREATE POLICY tenant_isolation ON %s FOR ALL TO tenantcore_app
        USING      (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid))
        WITH CHECK (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid))$p$,
        partition);
END
$$;
SELECT secure_audit_partition('audit_events_default');

-- How far back the log is complete: as-of reads before this instant cannot be answered. It starts when the log
-- starts (changes before this migration were never recorded) and moves forward when retention drops months.
CREATE TABLE audit_log_horizon (
    kept_since timestamptz NOT NULL,
    one_row    boolean     NOT NULL DEFAULT true PRIMARY KEY CHECK (one_row)
);
INSERT INTO audit_log_horizon (kept_since) VALUES (now());
REVOKE ALL ON audit_log_horizon FROM tenantcore_app;
GRANT SELECT ON audit_log_horizon TO tenantcore_app;

-- Creates the monthly partitions from the current month to months_ahead months ahead, and, when
-- retention_months > 0, drops the partitions (and default-partition rows) that ended more than that many months
-- before the current month. Returns one line per change. Runs as the owner: the service calls it through the
-- migrator's credentials at start-up and daily (AuditPartitionMaintenance); operators may call it by hand.
CREATE FUNCTION maintain_audit_partitions(months_ahead integer, retention_months integer)
RETURNS SETOF text
LANGUAGE plpgsql
SET search_path = public, pg_catalog, pg_temp
SET timezone = 'UTC'
AS $$
DECLARE
    this_month timestamptz := date_trunc('month', now());
    month_start timestamptz;
    partition text;
    horizon timestamptz;
    expired bigint;
BEGIN
    IF months_ahead IS NULL OR months_ahead < 0 OR retention_months IS NULL OR retention_months < 0 THEN
        RAISE EXCEPTION 'months_ahead and retention_months must be zero or more';
    END IF;
    -- The owner reads and moves default-partition rows; forced row-level security would hide them from it. Inside
    -- this transaction only: the lock this takes keeps everyone else out until it is forced again.
    ALTER TABLE audit_events_default NO FORCE ROW LEVEL SECURITY;

    FOR i IN 0..months_ahead LOOP
        month_start := this_month + make_interval(months => i);
        partition := 'audit_events_p' || to_char(month_start, 'YYYY_MM');
        CONTINUE WHEN to_regclass(partition) IS NOT NULL;
        -- Built beside the table and then attached: rows of that month already in the default partition move in
        -- first (attaching would otherwise fail on them).
        EXECUTE format('CREATE TABLE %I (LIKE audit_events INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', partition);
        EXECUTE format('WITH moved AS (DELETE FROM audit_events_default WHERE occurred_at >= %L AND occurred_at < %L '
                       'RETURNING *) INSERT INTO %I SELECT * FROM moved',
                       month_start, month_start + interval '1 month', partition);
        EXECUTE format('ALTER TABLE audit_events ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
                       partition, month_start, month_start + interval '1 month');
        PERFORM secure_audit_partition(partition::regclass);
        RETURN NEXT 'created ' || partition;
    END LOOP;

    IF retention_months > 0 THEN
        horizon := this_month - make_interval(months => retention_months);
        FOR partition IN
            SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = 'audit_events'::regclass AND c.relname ~ '^audit_events_p[0-9]{4}_[0-9]{2}$'
              AND to_timestamp(substring(c.relname FROM 15), 'YYYY_MM') < horizon
            ORDER BY 1
        LOOP
            EXECUTE format('DROP TABLE %I', partition);
            RETURN NEXT 'dropped ' || partition;
        END LOOP;
        DELETE FROM audit_events_default WHERE occurred_at < horizon;
        GET DIAGNOSTICS expired = ROW_COUNT;
        IF expired > 0 THEN
            RETURN NEXT 'deleted ' || expired || ' events older than ' || horizon || ' from audit_events_default';
        END IF;
        UPDATE audit_log_horizon SET kept_since = horizon WHERE kept_since < horizon;
    END IF;

    ALTER TABLE audit_events_default FORCE ROW LEVEL SECURITY;
END
$$;

SELECT maintain_audit_partitions(3, 0);

-- The trigger function. SECURITY DEFINER as tenantcore_audit, which may insert events and do nothing else; the
-- runtime role, whose statements fire it, cannot write events itself. The tenant comes from the changed row
-- (and the insert policy checks it against the transaction's setting).
CREATE FUNCTION record_audit_event() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
-- Timestamps inside the recorded JSON read as UTC whatever the session's time zone.
SET timezone = 'UTC'
AS $$
DECLARE
    hidden     text[] := CASE WHEN TG_NARGS > 2 THEN TG_ARGV[2]::text[] ELSE '{}' END;
    quiet      text[] := CASE WHEN TG_NARGS > 3 THEN TG_ARGV[3]::text[] ELSE '{}' END || '{updated_at}'::text[];
    named      jsonb  := CASE WHEN TG_NARGS > 4 THEN TG_ARGV[4]::jsonb ELSE '{}' END;
    tenant     text   := CASE WHEN TG_NARGS > 1 THEN TG_ARGV[1] ELSE 'organization_id' END;
    old_row    jsonb;
    new_row    jsonb;
    old_values jsonb;
    new_values jsonb;
    verb       text;
    naming     record;
BEGIN
    IF TG_OP = 'INSERT' THEN
        new_row := to_jsonb(NEW) - hidden;
        verb := 'create';
        new_values := new_row;
    ELSIF TG_OP = 'DELETE' THEN
        old_row := to_jsonb(OLD) - hidden;
        verb := 'delete';
        old_values := old_row;
    ELSE
        old_row := to_jsonb(OLD) - hidden;
        new_row := to_jsonb(NEW) - hidden;
        SELECT jsonb_object_agg(n.key, old_row -> n.key), jsonb_object_agg(n.key, n.value)
          INTO old_values, new_values
          FROM jsonb_each(new_row) n
         WHERE n.value IS DISTINCT FROM old_row -> n.key;
        IF old_values IS NULL OR NOT EXISTS (SELECT FROM jsonb_object_keys(new_values) k WHERE k <> ALL (quiet)) THEN
            RETURN NULL; -- nothing but bookkeeping changed
        END IF;
        verb := 'update';
        FOR naming IN SELECT key, value FROM jsonb_each_text(named) LOOP
            IF old_row ->> naming.key IS NULL AND new_row ->> naming.key IS NOT NULL THEN
                verb := naming.value;
            END IF;
        END LOOP;
    END IF;

    INSERT INTO public.audit_events (organization_id, id, occurred_at, actor_type, actor_id, action, entity_type,
                                     entity_id, old_values, new_values, request_id, client_address, user_agent)
    VALUES ((coalesce(new_row, old_row) ->> tenant)::uuid,
            public.new_uuidv7(),
            now(),
            coalesce(NULLIF(current_setting('app.actor_type', true), ''), 'system'),
            NULLIF(current_setting('app.actor_id', true), '')::uuid,
            verb,
            TG_ARGV[0],
            (coalesce(new_row, old_row) ->> 'id')::uuid,
            old_values,
            new_values,
            NULLIF(current_setting('app.request_id', true), ''),
            NULLIF(current_setting('app.client_address', true), '')::inet,
            NULLIF(current_setting('app.user_agent', true), ''));
    RETURN NULL;
END
$$;
GRANT EXECUTE ON FUNCTION new_uuidv7() TO tenantcore_audit;
-- ALTER ... OWNER needs the new owner to hold CREATE on the schema; it holds it only for this statement.
GRANT USAGE ON SCHEMA public TO tenantcore_audit;
GRANT CREATE ON SCHEMA public TO tenantcore_audit;
ALTER FUNCTION record_audit_event() OWNER TO tenantcore_audit;
REVOKE CREATE ON SCHEMA public FROM tenantcore_audit;

CREATE TRIGGER organizations_audit AFTER INSERT OR UPDATE OR DELETE ON organizations
    FOR EACH ROW EXECUTE FUNCTION record_audit_event('organization', 'id');
CREATE TRIGGER api_keys_audit AFTER INSERT OR UPDATE OR DELETE ON api_keys
    FOR EACH ROW EXECUTE FUNCTION record_audit_event('api_key', 'organization_id', '{secret_hash}',
                                                     '{last_used_at}', '{"revoked_at": "revoke"}');
CREATE TRIGGER tasks_audit AFTER INSERT OR UPDATE OR DELETE ON tasks
    FOR EACH ROW EXECUTE FUNCTION record_audit_event('task');

-- An entity as it was at instant p_at, rebuilt backwards from its current row (p_current, NULL if it is gone
-- now): every event after p_at is undone, newest first. Backwards, because it needs only the events after p_at,
-- and those are the ones retention keeps. Returns NULL when the entity did not exist at p_at; fails with
-- SQLSTATE TC001 when p_at is before the log's horizon and the answer cannot be known. Runs as the caller:
-- row-level security limits it to the caller's own tenant.
CREATE FUNCTION audit_state_as_of(p_entity_type text, p_organization_id uuid, p_entity_id uuid,
                                  p_at timestamptz, p_current jsonb)
RETURNS jsonb
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    state jsonb := p_current;
    event record;
BEGIN
    FOR event IN
        SELECT a.action, a.old_values FROM public.audit_events a
        WHERE a.organization_id = p_organization_id AND a.entity_type = p_entity_type
          AND a.entity_id = p_entity_id AND a.occurred_at > p_at
        ORDER BY a.occurred_at DESC, a.id DESC
    LOOP
        state := CASE event.action
            WHEN 'create' THEN NULL
            WHEN 'delete' THEN event.old_values
            ELSE coalesce(state, '{}'::jsonb) || event.old_values
        END;
    END LOOP;
    IF state IS NULL OR (state ->> 'created_at')::timestamptz > p_at THEN
        RETURN NULL;
    END IF;
    IF p_at < (SELECT kept_since FROM public.audit_log_horizon) THEN
        RAISE EXCEPTION 'the audit log does not reach back to %', p_at USING ERRCODE = 'TC001';
    END IF;
    RETURN state;
END
$$;
GRANT EXECUTE ON FUNCTION audit_state_as_of(text, uuid, uuid, timestamptz, jsonb) TO tenantcore_app;
