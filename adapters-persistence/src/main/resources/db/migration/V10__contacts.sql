-- Contacts: the crews of an organization's productions, by department (seed 003, the "Call Sheet Connector"):
-- productions ──< contacts >── departments, all three owned by the contacts context. Citus-ready from the start
-- (issue 17): organization_id in every key, no SET NULL or SET DEFAULT foreign keys, no column-level grants.

-- Trusted extensions, like citext in V1: the database owner may create them. pg_trgm gives similarity() and the
-- trigram operator classes; unaccent folds accents; btree_gin lets a GIN index lead with organization_id.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS btree_gin;

-- unaccent() is STABLE (it reads its dictionary through the search path), so it cannot appear in an index. This
-- wrapper names the dictionary itself and is bound when it is created (a SQL-standard body), which makes calling
-- it IMMUTABLE in truth: the same text always folds the same way.
CREATE FUNCTION contacts_unaccent(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
RETURN public.unaccent('public.unaccent'::regdictionary, value);
GRANT EXECUTE ON FUNCTION contacts_unaccent(text) TO tenantcore_app;

-- What full-text search reads of a contact, accents folded, weighted: the name first, then role and company, then
-- the notes. The 'simple' configuration does not stem: names and crew roles are not English prose.
CREATE FUNCTION contacts_search_document(name text, role text, company text, notes text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN setweight(to_tsvector('simple'::regconfig, coalesce(contacts_unaccent(name), '')), 'A')
    || setweight(to_tsvector('simple'::regconfig, coalesce(contacts_unaccent(role), '') || ' '
                                                  || coalesce(contacts_unaccent(company), '')), 'B')
    || setweight(to_tsvector('simple'::regconfig, coalesce(contacts_unaccent(notes), '')), 'C');
GRANT EXECUTE ON FUNCTION contacts_search_document(text, text, text, text) TO tenantcore_app;

-- A production (a film, a series): its code is unique within the organization, case-insensitively.
CREATE TABLE productions (
    organization_id uuid        NOT NULL,
    id              uuid        NOT NULL DEFAULT new_uuidv7(),
    name            text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    code            citext      NOT NULL CHECK (char_length(code) BETWEEN 1 AND 50),
    status          text        NOT NULL DEFAULT 'development'
                                CHECK (status IN ('development', 'pre_production', 'shooting', 'wrap')),
    start_date      date,
    end_date        date,
    metadata        jsonb       NOT NULL DEFAULT '{}'
                                CHECK (jsonb_typeof(metadata) = 'object' AND octet_length(metadata::text) <= 16384),
    version         bigint      NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT productions_pkey PRIMARY KEY (organization_id, id),
    CONSTRAINT productions_code_key UNIQUE (organization_id, code),
    CONSTRAINT productions_dates_check CHECK (end_date >= start_date),
    CONSTRAINT productions_organization_fkey FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE
);
COMMENT ON TABLE productions IS 'owner: contacts';
-- The primary key serves "newest first" (a backward scan on (organization_id, id)) and lookups by id.
CREATE TRIGGER productions_set_updated_at BEFORE UPDATE ON productions
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER productions_audit AFTER INSERT OR UPDATE OR DELETE ON productions
    FOR EACH ROW EXECUTE FUNCTION record_audit_event('production');

ALTER TABLE productions ENABLE ROW LEVEL SECURITY;
ALTER TABLE productions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON productions FOR ALL TO tenantcore_app
    USING      (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid))
    WITH CHECK (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid));

-- A department (Camera, Grip, ...): every organization starts with the default catalogue (the service adds it at
-- sign-up; existing organizations get it below) and adds its own. Names are unique, case-insensitively.
CREATE TABLE departments (
    organization_id uuid        NOT NULL,
    id              uuid        NOT NULL DEFAULT new_uuidv7(),
    name            citext      NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    version         bigint      NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT departments_pkey PRIMARY KEY (organization_id, id),
    CONSTRAINT departments_name_key UNIQUE (organization_id, name),
    CONSTRAINT departments_organization_fkey FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE
);
COMMENT ON TABLE departments IS 'owner: contacts';
CREATE TRIGGER departments_set_updated_at BEFORE UPDATE ON departments
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

ALTER TABLE departments ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON departments FOR ALL TO tenantcore_app
    USING      (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid))
    WITH CHECK (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid));

-- Existing organizations get the default catalogue (the same list as DefaultDepartments.CATALOGUE). The migration
-- runs as the owner, whom FORCE would hold to the runtime role's policies: lifted for the backfill, in this
-- transaction only, before the audit trigger exists (the backfill is the migration's, not an actor's).
ALTER TABLE organizations NO FORCE ROW LEVEL SECURITY;
INSERT INTO departments (organization_id, name)
SELECT o.id, d.name
FROM organizations o
CROSS JOIN unnest(ARRAY['Production', 'Camera', 'Grip', 'Electric', 'Sound', 'Art', 'Costume', 'Hair & Makeup',
                        'Locations', 'Transport', 'Catering', 'Cast']) WITH ORDINALITY d (name, position)
ORDER BY o.id, d.position;
ALTER TABLE organizations FORCE ROW LEVEL SECURITY;
ALTER TABLE departments FORCE ROW LEVEL SECURITY;
CREATE TRIGGER departments_audit AFTER INSERT OR UPDATE OR DELETE ON departments
    FOR EACH ROW EXECUTE FUNCTION record_audit_event('department');

-- A contact: a person on a production's crew. Deleting one sets deleted_at (the trash); a later job purges the
-- trash for good. A department or production in use by any contact, in the trash too, cannot be deleted: the
-- foreign keys restrict (never SET NULL, which Citus refuses between distributed tables).
-- source: 'manual' (the API), or 'import' with the import it came from (import_id; its foreign key arrives with
-- the imports table).
CREATE TABLE contacts (
    organization_id uuid        NOT NULL,
    id              uuid        NOT NULL DEFAULT new_uuidv7(),
    name            text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    email           citext      CHECK (char_length(email) <= 254 AND email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
    phone           text        CHECK (phone ~ '^\+[1-9][0-9]{1,14}$'),
    role            text        CHECK (char_length(role) BETWEEN 1 AND 200),
    company         text        CHECK (char_length(company) BETWEEN 1 AND 200),
    department_id   uuid,
    production_id   uuid,
    notes           text        CHECK (char_length(notes) <= 10000),
    custom_fields   jsonb       NOT NULL DEFAULT '{}'
                                CHECK (jsonb_typeof(custom_fields) = 'object'
                                       AND octet_length(custom_fields::text) <= 16384),
    source          text        NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'import')),
    import_id       uuid,
    -- What search reads, computed once per write rather than for every row a search looks at: the accent-folded
    -- name (trigram similarity) and the weighted full-text document. Left out of the audit log (the trigger below).
    search_name     text        GENERATED ALWAYS AS (contacts_unaccent(name)) STORED,
    search_document tsvector    GENERATED ALWAYS AS (contacts_search_document(name, role, company, notes)) STORED,
    deleted_at      timestamptz,
    version         bigint      NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT contacts_pkey PRIMARY KEY (organization_id, id),
    CONSTRAINT contacts_import_check CHECK ((source = 'import') = (import_id IS NOT NULL)),
    CONSTRAINT contacts_organization_fkey FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE,
    CONSTRAINT contacts_department_fkey FOREIGN KEY (organization_id, department_id)
        REFERENCES departments (organization_id, id),
    CONSTRAINT contacts_production_fkey FOREIGN KEY (organization_id, production_id)
        REFERENCES productions (organization_id, id)
);
COMMENT ON TABLE contacts IS 'owner: contacts';
-- The primary key serves "newest first" and lookups by id. Filtering by production or department keeps the same
-- order, and the same indexes serve the foreign keys' checks when a production or department is deleted:
CREATE INDEX contacts_production_idx ON contacts (organization_id, production_id, id);
CREATE INDEX contacts_department_idx ON contacts (organization_id, department_id, id);
-- Contacts by address (seed 003 §4.3), and the rule that an address belongs to one live contact per production
-- (NULLS NOT DISTINCT: one among the contacts of no production too). Deleted contacts are out of both.
CREATE INDEX contacts_email_idx ON contacts (organization_id, email)
    WHERE deleted_at IS NULL AND email IS NOT NULL;
CREATE UNIQUE INDEX contacts_production_email_key ON contacts (organization_id, production_id, email)
    NULLS NOT DISTINCT WHERE deleted_at IS NULL AND email IS NOT NULL;
-- Search: trigrams of the accent-folded name (fuzzy: "Jon Smtih" finds "John Smith"), and the full-text document.
-- Both lead with organization_id (btree_gin), so one tenant's search never reads another's entries. Under row-level
-- security PostgreSQL applies a condition whose operator is not LEAKPROOF only after the policy, never inside an
-- index: pg_trgm's % (similarity_op) and @@ (ts_match_vq) are not, so as the runtime role these indexes are used
-- for organization_id alone until a superuser marks those two functions LEAKPROOF (on 100,000 contacts of one
-- organization, a selective search took 0.6-0.75 s as the runtime role, 16-47 ms with both marked).
CREATE INDEX contacts_name_trgm_idx ON contacts USING gin (organization_id, search_name gin_trgm_ops)
    WHERE deleted_at IS NULL;
CREATE INDEX contacts_search_idx ON contacts USING gin (organization_id, search_document) WHERE deleted_at IS NULL;
-- The trash, for listing it and for the purge of what was deleted before a cutoff.
CREATE INDEX contacts_deleted_idx ON contacts (organization_id, deleted_at) WHERE deleted_at IS NOT NULL;
CREATE TRIGGER contacts_set_updated_at BEFORE UPDATE ON contacts
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
-- Moving a contact to the trash is recorded as its deletion; the purge's DELETE, later, as another. The search
-- columns are derived from the recorded ones: not recorded.
CREATE TRIGGER contacts_audit AFTER INSERT OR UPDATE OR DELETE ON contacts
    FOR EACH ROW EXECUTE FUNCTION record_audit_event('contact', 'organization_id', '{search_name,search_document}',
                                                     '{}', '{"deleted_at": "delete"}');

ALTER TABLE contacts ENABLE ROW LEVEL SECURITY;
ALTER TABLE contacts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON contacts FOR ALL TO tenantcore_app
    USING      (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid))
    WITH CHECK (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid));

-- The module's permissions; owner and admin hold every permission, member may write, viewer may read.
INSERT INTO permissions (name, description) VALUES
    ('contacts:read',  'read productions, departments and contacts, search contacts, see their history'),
    ('contacts:write', 'create, change and delete productions, departments and contacts; restore contacts');
INSERT INTO builtin_role_permissions (role, permission) VALUES
    ('owner', 'contacts:read'), ('owner', 'contacts:write'),
    ('admin', 'contacts:read'), ('admin', 'contacts:write'),
    ('member', 'contacts:read'), ('member', 'contacts:write'),
    ('viewer', 'contacts:read');
