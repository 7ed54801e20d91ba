-- Idempotency keys (IETF draft "The Idempotency-Key HTTP Header Field"): the first response to each key a caller
-- sent with a POST, kept for a day so that a retry of that POST gets the same answer instead of writing again.
-- (V15: V12 to V14 and V16 are being written on other branches at the same time.)
--
-- A key belongs to the credential that sent it (an API key's id or a user's id) within its organization: another
-- caller's identical key is another key, and never replays someone else's response. The row is written in the
-- same transaction as the request's own changes, so both commit or neither does.
CREATE TABLE idempotency_keys (
    organization_id uuid        NOT NULL,
    actor_id        uuid        NOT NULL,
    key             text        NOT NULL CHECK (char_length(key) BETWEEN 1 AND 255),
    -- SHA-256 of the method, path, query and body: the same key with another request is refused.
    fingerprint     bytea       NOT NULL CHECK (octet_length(fingerprint) = 32),
    response_status smallint    NOT NULL CHECK (response_status BETWEEN 200 AND 299),
    location        text        CHECK (char_length(location) <= 2048),
    entity_tag      text        CHECK (char_length(entity_tag) <= 100),
    -- The body as it was sent (JSON), if there was one. A body that showed a secret once (an API key's token, an
    -- invitation's) is withheld, since secrets are never stored in clear: a retry then answers 409 and the Location.
    body            text        CHECK (octet_length(body) <= 1048576),
    body_withheld   boolean     NOT NULL,
    CONSTRAINT idempotency_keys_withheld_body_check CHECK (NOT (body_withheld AND body IS NOT NULL)),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    CONSTRAINT idempotency_keys_pkey PRIMARY KEY (organization_id, actor_id, key),
    CONSTRAINT idempotency_keys_organization_fkey FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE
);
COMMENT ON TABLE idempotency_keys IS 'owner: idempotency';
CREATE INDEX idempotency_keys_expires_at_idx ON idempotency_keys (organization_id, expires_at);
CREATE TRIGGER idempotency_keys_set_updated_at BEFORE UPDATE ON idempotency_keys
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON idempotency_keys FOR ALL TO tenantcore_app
    USING      (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid))
    WITH CHECK (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid));

-- The clean-up deletes expired keys inside each organization's own transaction; to know which organizations have
-- some, it asks this function, which answers ids and nothing else, as tenantcore_auth through a read-only policy
-- that shows expired rows only.
GRANT SELECT ON idempotency_keys TO tenantcore_auth;
CREATE POLICY expiry_lookup ON idempotency_keys FOR SELECT TO tenantcore_auth USING (expires_at <= now());

CREATE FUNCTION find_organizations_with_expired_idempotency_keys()
RETURNS TABLE (organization_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT DISTINCT k.organization_id FROM public.idempotency_keys k WHERE k.expires_at <= now()
$$;
REVOKE ALL ON FUNCTION find_organizations_with_expired_idempotency_keys() FROM PUBLIC;
-- ALTER ... OWNER needs the new owner to hold CREATE on the schema; it holds it only for this statement.
GRANT CREATE ON SCHEMA public TO tenantcore_auth;
ALTER FUNCTION find_organizations_with_expired_idempotency_keys() OWNER TO tenantcore_auth;
REVOKE CREATE ON SCHEMA public FROM tenantcore_auth;
GRANT EXECUTE ON FUNCTION find_organizations_with_expired_idempotency_keys() TO tenantcore_app;
