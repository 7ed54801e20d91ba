-- Orders (seed 004), owned by the orders context. An order refers to catalog products by id only: no foreign key
-- into products (another context's table), so deleting a product leaves the orders that name it whole. The lines
-- keep the unit price of the moment the order was placed; the total is the server's, kept beside them.
CREATE TABLE orders (
    organization_id     uuid        NOT NULL,
    id                  uuid        NOT NULL DEFAULT new_uuidv7(),
    -- Exactly one customer reference: a member's user id, a contact's id, or an email address.
    customer_user_id    uuid,
    customer_contact_id uuid,
    customer_email      citext      CHECK (char_length(customer_email) <= 254
                                           AND customer_email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
    currency            text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    total_minor         bigint      NOT NULL CHECK (total_minor >= 0),
    status              text        NOT NULL DEFAULT 'pending'
                                    CHECK (status IN ('pending', 'confirmed', 'shipped', 'delivered', 'cancelled')),
    version             bigint      NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orders_pkey PRIMARY KEY (organization_id, id),
    CONSTRAINT orders_customer_check CHECK (num_nonnulls(customer_user_id, customer_contact_id, customer_email) = 1),
    CONSTRAINT orders_organization_fkey FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE
);
COMMENT ON TABLE orders IS 'owner: orders';
-- Seed 004's indexes, each leading with organization_id: orders by customer (and by customer and status, the same
-- index), and by creation time. The primary key serves "newest first" (ids are time-ordered) and lookups by id.
CREATE INDEX orders_customer_user_idx ON orders (organization_id, customer_user_id, status)
    WHERE customer_user_id IS NOT NULL;
CREATE INDEX orders_customer_contact_idx ON orders (organization_id, customer_contact_id, status)
    WHERE customer_contact_id IS NOT NULL;
CREATE INDEX orders_customer_email_idx ON orders (organization_id, customer_email, status)
    WHERE customer_email IS NOT NULL;
CREATE INDEX orders_created_at_idx ON orders (organization_id, created_at);
CREATE INDEX orders_status_idx ON orders (organization_id, status, id);
CREATE TRIGGER orders_set_updated_at BEFORE UPDATE ON orders
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER orders_audit AFTER INSERT OR UPDATE OR DELETE ON orders
    FOR EACH ROW EXECUTE FUNCTION record_audit_event('order');

ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
ALTER TABLE orders FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON orders FOR ALL TO tenantcore_app
    USING      (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid))
    WITH CHECK (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid));

CREATE TABLE order_lines (
    organization_id  uuid        NOT NULL,
    id               uuid        NOT NULL DEFAULT new_uuidv7(),
    order_id         uuid        NOT NULL,
    line_number      integer     NOT NULL CHECK (line_number BETWEEN 1 AND 100),
    product_id       uuid        NOT NULL,
    quantity         integer     NOT NULL CHECK (quantity > 0),
    unit_price_minor bigint      NOT NULL CHECK (unit_price_minor >= 0),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT order_lines_pkey PRIMARY KEY (organization_id, id),
    CONSTRAINT order_lines_number_key UNIQUE (organization_id, order_id, line_number),
    CONSTRAINT order_lines_product_key UNIQUE (organization_id, order_id, product_id),
    CONSTRAINT order_lines_order_fkey FOREIGN KEY (organization_id, order_id)
        REFERENCES orders (organization_id, id) ON DELETE CASCADE
);
COMMENT ON TABLE order_lines IS 'owner: orders';
-- Which orders name a product (a product's sales, the demo data's checks).
CREATE INDEX order_lines_product_idx ON order_lines (organization_id, product_id);
CREATE TRIGGER order_lines_set_updated_at BEFORE UPDATE ON order_lines
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER order_lines_audit AFTER INSERT OR UPDATE OR DELETE ON order_lines
    FOR EACH ROW EXECUTE FUNCTION record_audit_event('order_line');

ALTER TABLE order_lines ENABLE ROW LEVEL SECURITY;
ALTER TABLE order_lines FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON order_lines FOR ALL TO tenantcore_app
    USING      (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid))
    WITH CHECK (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid));

INSERT INTO permissions (name, description) VALUES
    ('orders:read',  'read orders, see their history'),
    ('orders:write', 'place orders, move them through their statuses, cancel and delete them');
INSERT INTO builtin_role_permissions (role, permission) VALUES
    ('owner', 'orders:read'), ('owner', 'orders:write'),
    ('admin', 'orders:read'), ('admin', 'orders:write'),
    ('member', 'orders:read'), ('member', 'orders:write'),
    ('viewer', 'orders:read');
