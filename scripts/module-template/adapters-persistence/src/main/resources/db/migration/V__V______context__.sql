-- __Context__: __a__ __entity_words__ belongs to one organization. Owned by the __context__ context.
CREATE TABLE __context__ (
    organization_id uuid        NOT NULL,
    id              uuid        NOT NULL DEFAULT new_uuidv7(),
    name            text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    description     text        CHECK (char_length(description) <= 10000),
    version         bigint      NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT __context___pkey PRIMARY KEY (organization_id, id),
    CONSTRAINT __context___organization_fkey FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE
);
COMMENT ON TABLE __context__ IS 'owner: __context__';
-- The primary key serves "newest first" (a backward scan on (organization_id, id)) and lookups by id.
CREATE TRIGGER __context___set_updated_at BEFORE UPDATE ON __context__
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER __context___audit AFTER INSERT OR UPDATE OR DELETE ON __context__
    FOR EACH ROW EXECUTE FUNCTION record_audit_event('__entity_type__');

ALTER TABLE __context__ ENABLE ROW LEVEL SECURITY;
ALTER TABLE __context__ FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON __context__ FOR ALL TO tenantcore_app
    USING      (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid))
    WITH CHECK (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid));

-- The module's permissions; owner and admin hold every permission, member may write, viewer may read.
INSERT INTO permissions (name, description) VALUES
    ('__context__:read',  'read __entity_words_plural__ and their history'),
    ('__context__:write', 'create, change and delete __entity_words_plural__');
INSERT INTO builtin_role_permissions (role, permission) VALUES
    ('owner', '__context__:read'), ('owner', '__context__:write'),
    ('admin', '__context__:read'), ('admin', '__context__:write'),
    ('member', '__context__:read'), ('member', '__context__:write'),
    ('viewer', '__context__:read');
