-- Contacts: a contact belongs to one organization. Owned by the contacts context.
CREATE TABLE contacts (
    organization_id uuid        NOT NULL,
    id              uuid        NOT NULL DEFAULT new_uuidv7(),
    name            text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    description     text        CHECK (char_length(description) <= 10000),
    version         bigint      NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT contacts_pkey PRIMARY KEY (organization_id, id),
    CONSTRAINT contacts_organization_fkey FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE
);
COMMENT ON TABLE contacts IS 'owner: contacts';
-- The primary key serves "newest first" (a backward scan on (organization_id, id)) and lookups by id.
CREATE TRIGGER contacts_set_updated_at BEFORE UPDATE ON contacts
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER contacts_audit AFTER INSERT OR UPDATE OR DELETE ON contacts
    FOR EACH ROW EXECUTE FUNCTION record_audit_event('contact');

ALTER TABLE contacts ENABLE ROW LEVEL SECURITY;
ALTER TABLE contacts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON contacts FOR ALL TO tenantcore_app
    USING      (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid))
    WITH CHECK (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid));

-- The module's permissions; owner and admin hold every permission, member may write, viewer may read.
INSERT INTO permissions (name, description) VALUES
    ('contacts:read',  'read contacts and their history'),
    ('contacts:write', 'create, change and delete contacts');
INSERT INTO builtin_role_permissions (role, permission) VALUES
    ('owner', 'contacts:read'), ('owner', 'contacts:write'),
    ('admin', 'contacts:read'), ('admin', 'contacts:write'),
    ('member', 'contacts:read'), ('member', 'contacts:write'),
    ('viewer', 'contacts:read');
