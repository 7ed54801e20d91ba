-- Catalog: an organization's products (seed 004), owned by the catalog context. Prices are integers in the minor
-- units of an ISO 4217 currency (the service checks the code against java.util.Currency); stock never falls below
-- zero, by CHECK, whatever the statements that move it. Citus-ready: organization_id in every key.
CREATE TABLE products (
    organization_id uuid        NOT NULL,
    id              uuid        NOT NULL DEFAULT new_uuidv7(),
    sku             citext      NOT NULL CHECK (char_length(sku) BETWEEN 1 AND 64),
    name            text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    description     text        CHECK (char_length(description) <= 10000),
    price_minor     bigint      NOT NULL CHECK (price_minor >= 0),
    currency        text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    stock           integer     NOT NULL DEFAULT 0 CHECK (stock >= 0),
    status          text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
    attributes      jsonb       NOT NULL DEFAULT '{}'
                                CHECK (jsonb_typeof(attributes) = 'object' AND octet_length(attributes::text) <= 16384),
    -- What search reads, computed once per write: the name weighs more (A) than the description (B). English
    -- stemming: product names and descriptions are prose ("running shoes" finds "Shoe for runners").
    search_document tsvector    GENERATED ALWAYS AS (
                                    setweight(to_tsvector('english'::regconfig, name), 'A')
                                    || setweight(to_tsvector('english'::regconfig, coalesce(description, '')), 'B'))
                                STORED,
    version         bigint      NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT products_pkey PRIMARY KEY (organization_id, id),
    -- No soft delete here, so the sku is unique among all the organization's products, case-insensitively.
    CONSTRAINT products_sku_key UNIQUE (organization_id, sku),
    CONSTRAINT products_organization_fkey FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE
);
COMMENT ON TABLE products IS 'owner: catalog';
-- The primary key serves "newest first" and lookups by id. Search and the attribute filter (attributes @> ...)
-- lead with organization_id (btree_gin, V10) so that one tenant's query never reads another's entries; what
-- migration V10 says of @@ under row-level security (not LEAKPROOF) holds for both.
CREATE INDEX products_search_idx ON products USING gin (organization_id, search_document);
CREATE INDEX products_attributes_idx ON products USING gin (organization_id, attributes jsonb_path_ops);
CREATE INDEX products_status_idx ON products (organization_id, status, id);
CREATE TRIGGER products_set_updated_at BEFORE UPDATE ON products
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER products_audit AFTER INSERT OR UPDATE OR DELETE ON products
    FOR EACH ROW EXECUTE FUNCTION record_audit_event('product', 'organization_id', '{search_document}');

ALTER TABLE products ENABLE ROW LEVEL SECURITY;
ALTER TABLE products FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON products FOR ALL TO tenantcore_app
    USING      (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid))
    WITH CHECK (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid));

-- The module's permissions; owner and admin hold every permission, member may write, viewer may read.
INSERT INTO permissions (name, description) VALUES
    ('catalog:read',  'read and search products, see their history'),
    ('catalog:write', 'create, change and delete products');
INSERT INTO builtin_role_permissions (role, permission) VALUES
    ('owner', 'catalog:read'), ('owner', 'catalog:write'),
    ('admin', 'catalog:read'), ('admin', 'catalog:write'),
    ('member', 'catalog:read'), ('member', 'catalog:write'),
    ('viewer', 'catalog:read');
