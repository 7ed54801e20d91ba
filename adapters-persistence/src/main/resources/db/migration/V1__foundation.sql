-- Foundation: privileges, shared functions, organizations, API keys.
-- Runs as tenantcore_owner (Flyway's init SQL does SET ROLE), in a database that tenantcore_owner owns.

-- citext is a trusted extension: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS citext;

-- Only the roles named here may use the schema. The runtime role gets DML on every table the owner creates from
-- now on, and nothing else: no TRUNCATE, REFERENCES or TRIGGER, and no EXECUTE on functions unless granted.
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO tenantcore_app, tenantcore_auth;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO tenantcore_app;
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

-- The health check reports the schema version; the runtime role may read the history, never write it.
GRANT SELECT ON "${flyway:table}" TO tenantcore_app;

-- UUIDv7 as a column default, for rows written by hand (the service generates ids itself, in the domain).
-- PostgreSQL 18 has uuidv7(); on 15-17 the same layout is built from a random UUID and the clock.
DO $do$
BEGIN
    IF current_setting('server_version_num')::int >= 180000 THEN
        EXECUTE $fn$
            CREATE FUNCTION new_uuidv7() RETURNS uuid
            LANGUAGE sql VOLATILE PARALLEL SAFE
            RETURN uuidv7()
        $fn$;
    ELSE
        EXECUTE $fn$
            CREATE FUNCTION new_uuidv7() RETURNS uuid
            LANGUAGE sql VOLATILE PARALLEL SAFE
            RETURN encode(
                set_bit(set_bit(
                    overlay(uuid_send(gen_random_uuid())
                            PLACING substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
                            FROM 1 FOR 6),
                    52, 1), 53, 1),
                'hex')::uuid
        $fn$;
    END IF;
END
$do$;
GRANT EXECUTE ON FUNCTION new_uuidv7() TO tenantcore_app;

-- updated_at is the database's business, whoever writes the row.
CREATE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;

-- Organizations are the tenants. The table is the root of every tenant's data: its id is the organization_id of
-- all other tenant tables, and row-level security shows a transaction only its own organization's row.
-- The slug is unique across organizations on purpose: it is the organization's public handle, and sign-up must
-- answer "taken".
CREATE TABLE organizations (
    id         uuid        NOT NULL DEFAULT new_uuidv7(),
    name       text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    slug       citext      NOT NULL CHECK (slug::text ~ '^[a-z0-9-]{3,63}$'),
    version    bigint      NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT organizations_pkey PRIMARY KEY (id),
    CONSTRAINT organizations_slug_key UNIQUE (slug)
);
CREATE TRIGGER organizations_set_updated_at BEFORE UPDATE ON organizations
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
ALTER TABLE organizations FORCE ROW LEVEL SECURITY;
-- The tenant setting is read once per statement ((SELECT ...) is an InitPlan), and the comparison stays an index
-- condition. NULLIF: on a pooled connection an unset setting reads '' after first use, which must mean "none".
CREATE POLICY tenant_isolation ON organizations FOR ALL TO tenantcore_app
    USING      (id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid))
    WITH CHECK (id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid));

-- API keys. Found by prefix across tenants (authentication does not know the tenant yet), so the prefix index is
-- the one index here that does not lead with organization_id. It is not unique: prefixes are random, and a
-- global unique constraint would let one tenant probe for another's values.
CREATE TABLE api_keys (
    organization_id uuid        NOT NULL,
    id              uuid        NOT NULL DEFAULT new_uuidv7(),
    name            text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    prefix          text        NOT NULL CHECK (prefix ~ '^[a-z0-9]{12}$'),
    secret_hash     bytea       NOT NULL CHECK (octet_length(secret_hash) = 32),
    expires_at      timestamptz,
    revoked_at      timestamptz,
    last_used_at    timestamptz,
    version         bigint      NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT api_keys_pkey PRIMARY KEY (organization_id, id),
    CONSTRAINT api_keys_organization_fkey FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE
);
CREATE INDEX api_keys_prefix_idx ON api_keys (prefix);
CREATE TRIGGER api_keys_set_updated_at BEFORE UPDATE ON api_keys
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON api_keys FOR ALL TO tenantcore_app
    USING      (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid))
    WITH CHECK (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid));

-- The one reviewed path across tenants: from a token prefix to the usable keys that carry it, and no more than
-- authentication needs. It runs as tenantcore_auth, which may read only these columns and only through this
-- read-only policy; the runtime role may execute it and nothing else may.
GRANT SELECT (organization_id, id, prefix, secret_hash, expires_at, revoked_at, last_used_at)
    ON api_keys TO tenantcore_auth;
CREATE POLICY authentication_lookup ON api_keys FOR SELECT TO tenantcore_auth USING (true);

CREATE FUNCTION find_usable_api_keys(key_prefix text)
RETURNS TABLE (organization_id uuid, id uuid, secret_hash bytea, last_used_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT k.organization_id, k.id, k.secret_hash, k.last_used_at
    FROM public.api_keys k
    WHERE k.prefix = key_prefix
      AND k.revoked_at IS NULL
      AND (k.expires_at IS NULL OR k.expires_at > now())
$$;
REVOKE ALL ON FUNCTION find_usable_api_keys(text) FROM PUBLIC;
-- ALTER ... OWNER needs the new owner to hold CREATE on the schema; it holds it only for this statement.
GRANT CREATE ON SCHEMA public TO tenantcore_auth;
ALTER FUNCTION find_usable_api_keys(text) OWNER TO tenantcore_auth;
REVOKE CREATE ON SCHEMA public FROM tenantcore_auth;
GRANT EXECUTE ON FUNCTION find_usable_api_keys(text) TO tenantcore_app;
