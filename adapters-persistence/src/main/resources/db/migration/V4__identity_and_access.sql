-- Identity and access: people (users, split by concern over five tables), their memberships of organizations,
-- roles and permissions, invitations, refresh tokens, roles for API keys, and task assignees.
--
-- Two kinds of scope:
--   * tenant tables (memberships, roles, role_permissions, user_roles, api_key_roles, invitations) carry
--     organization_id in every key and follow app.organization_id, like every tenant table;
--   * a user's own tables (users, user_credentials, user_external_logins, user_profiles, user_preferences,
--     refresh_tokens) are global identity: they follow app.user_id, the person the credential belongs to.
--     Organizations see a user, profile and preferences only while the user is their member (a second,
--     SELECT-only policy). Credentials, external logins and refresh tokens are seen by their owner alone.
-- Logging in crosses both scopes before any setting is known: narrow SECURITY DEFINER lookups owned by
-- tenantcore_auth (below) answer exactly what authentication needs.

-- The fixed catalogue of permissions. A module that adds permissions inserts them here in its own migration, and
-- grants them to the built-in roles in builtin_role_permissions; every organization's built-in roles follow.
CREATE TABLE permissions (
    name        text NOT NULL CHECK (name ~ '^[a-z][a-z-]*:[a-z][a-z-]*$'),
    description text NOT NULL,
    CONSTRAINT permissions_pkey PRIMARY KEY (name)
);
CREATE TABLE builtin_role_permissions (
    role       text NOT NULL CHECK (role IN ('owner', 'admin', 'member', 'viewer')),
    permission text NOT NULL,
    CONSTRAINT builtin_role_permissions_pkey PRIMARY KEY (role, permission),
    CONSTRAINT builtin_role_permissions_permission_fkey FOREIGN KEY (permission) REFERENCES permissions (name)
);
-- Global reference data: the runtime role reads it, migrations write it.
REVOKE INSERT, UPDATE, DELETE ON permissions, builtin_role_permissions FROM tenantcore_app;

INSERT INTO permissions (name, description) VALUES
    ('organization:read',   'read the organization'),
    ('organization:manage', 'rename the organization'),
    ('members:read',        'list members, their roles, and the roles of the organization'),
    ('members:manage',      'change and remove members, invite people, revoke invitations'),
    ('roles:manage',        'create, change and delete custom roles'),
    ('api-keys:read',       'list API keys'),
    ('api-keys:manage',     'issue and revoke API keys'),
    ('tasks:read',          'read tasks and their history'),
    ('tasks:write',         'create, change and delete tasks'),
    ('audit:read',          'read and export the audit log');

INSERT INTO builtin_role_permissions (role, permission)
SELECT 'owner', name FROM permissions
UNION ALL
SELECT 'admin', name FROM permissions
UNION ALL
SELECT 'member', unnest(ARRAY['organization:read', 'members:read', 'tasks:read', 'tasks:write'])
UNION ALL
SELECT 'viewer', unnest(ARRAY['organization:read', 'members:read', 'tasks:read']);

-- ---------------------------------------------------------------------------------------------------------------
-- A user's own tables.

CREATE TABLE users (
    id         uuid        NOT NULL DEFAULT new_uuidv7(),
    email      citext      NOT NULL CHECK (char_length(email) BETWEEN 3 AND 254 AND email::text ~ '^[^@\s]+@[^@\s]+$'),
    status     text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
    version    bigint      NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_pkey PRIMARY KEY (id),
    -- A person is one account across organizations: the address is the global login name.
    CONSTRAINT users_email_key UNIQUE (email)
);

CREATE TABLE user_credentials (
    user_id             uuid        NOT NULL,
    -- A PHC string ($argon2id$v=19$m=...,t=...,p=...$salt$hash): parameters travel with the hash, so they can be
    -- raised later and old hashes still verify (and are re-hashed at the next login).
    password_hash       text        NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    password_changed_at timestamptz NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT user_credentials_pkey PRIMARY KEY (user_id),
    CONSTRAINT user_credentials_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE TABLE user_external_logins (
    user_id           uuid        NOT NULL,
    id                uuid        NOT NULL DEFAULT new_uuidv7(),
    provider          text        NOT NULL CHECK (provider ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
    subject           text        NOT NULL CHECK (char_length(subject) BETWEEN 1 AND 255),
    email_at_provider citext      CHECK (char_length(email_at_provider) <= 254),
    linked_at         timestamptz NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT user_external_logins_pkey PRIMARY KEY (user_id, id),
    -- One provider account logs in one user, whoever that is: the lookup at login is global by nature.
    CONSTRAINT user_external_logins_provider_subject_key UNIQUE (provider, subject),
    CONSTRAINT user_external_logins_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE TABLE user_profiles (
    user_id      uuid        NOT NULL,
    display_name text        NOT NULL CHECK (char_length(display_name) BETWEEN 1 AND 200),
    avatar_url   text        CHECK (char_length(avatar_url) <= 2000 AND avatar_url ~ '^https?://'),
    locale       text        CHECK (locale ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
    time_zone    text        CHECK (char_length(time_zone) BETWEEN 1 AND 64),
    bio          text        CHECK (char_length(bio) <= 2000),
    version      bigint      NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT user_profiles_pkey PRIMARY KEY (user_id),
    CONSTRAINT user_profiles_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE TABLE user_preferences (
    user_id             uuid        NOT NULL,
    -- What the service itself reads, typed; everything else a client stores lives in settings.
    email_notifications boolean     NOT NULL DEFAULT true,
    theme               text        NOT NULL DEFAULT 'system' CHECK (theme IN ('system', 'light', 'dark')),
    settings            jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(settings) = 'object'
                                                                 AND pg_column_size(settings) <= 65536),
    version             bigint      NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT user_preferences_pkey PRIMARY KEY (user_id),
    CONSTRAINT user_preferences_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

-- ---------------------------------------------------------------------------------------------------------------
-- Tenant tables.

CREATE TABLE memberships (
    organization_id uuid        NOT NULL,
    user_id         uuid        NOT NULL,
    status          text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
    version         bigint      NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT memberships_pkey PRIMARY KEY (organization_id, user_id),
    CONSTRAINT memberships_organization_fkey FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE,
    CONSTRAINT memberships_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
-- "Which organizations am I in": the user's own memberships across tenants.
CREATE INDEX memberships_user_idx ON memberships (user_id);

CREATE TABLE roles (
    organization_id uuid        NOT NULL,
    id              uuid        NOT NULL DEFAULT new_uuidv7(),
    name            citext      NOT NULL CHECK (name::text ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
    description     text        CHECK (char_length(description) <= 500),
    -- Set for the four roles every organization has; their permissions come from builtin_role_permissions.
    builtin         text        CHECK (builtin IN ('owner', 'admin', 'member', 'viewer') AND builtin = name::text),
    version         bigint      NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT roles_pkey PRIMARY KEY (organization_id, id),
    CONSTRAINT roles_name_key UNIQUE (organization_id, name),
    CONSTRAINT roles_organization_fkey FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE CASCADE
);

-- Permissions of custom roles. A built-in role has none here: it takes builtin_role_permissions.
CREATE TABLE role_permissions (
    organization_id uuid        NOT NULL,
    role_id         uuid        NOT NULL,
    permission      text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT role_permissions_pkey PRIMARY KEY (organization_id, role_id, permission),
    CONSTRAINT role_permissions_role_fkey FOREIGN KEY (organization_id, role_id)
        REFERENCES roles (organization_id, id) ON DELETE CASCADE,
    CONSTRAINT role_permissions_permission_fkey FOREIGN KEY (permission) REFERENCES permissions (name)
);

CREATE TABLE user_roles (
    organization_id uuid        NOT NULL,
    user_id         uuid        NOT NULL,
    role_id         uuid        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT user_roles_pkey PRIMARY KEY (organization_id, user_id, role_id),
    CONSTRAINT user_roles_membership_fkey FOREIGN KEY (organization_id, user_id)
        REFERENCES memberships (organization_id, user_id) ON DELETE CASCADE,
    CONSTRAINT user_roles_role_fkey FOREIGN KEY (organization_id, role_id)
        REFERENCES roles (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX user_roles_role_idx ON user_roles (organization_id, role_id);

CREATE TABLE api_key_roles (
    organization_id uuid        NOT NULL,
    api_key_id      uuid        NOT NULL,
    role_id         uuid        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT api_key_roles_pkey PRIMARY KEY (organization_id, api_key_id, role_id),
    CONSTRAINT api_key_roles_api_key_fkey FOREIGN KEY (organization_id, api_key_id)
        REFERENCES api_keys (organization_id, id) ON DELETE CASCADE,
    CONSTRAINT api_key_roles_role_fkey FOREIGN KEY (organization_id, role_id)
        REFERENCES roles (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX api_key_roles_role_idx ON api_key_roles (organization_id, role_id);

CREATE TABLE invitations (
    organization_id uuid        NOT NULL,
    id              uuid        NOT NULL DEFAULT new_uuidv7(),
    -- Cleared when the invitation is accepted: from then on the membership is the record, and the address of a
    -- person who later erases their account must not linger here.
    email           citext      CHECK (char_length(email) BETWEEN 3 AND 254 AND email::text ~ '^[^@\s]+@[^@\s]+$'),
    token_hash      bytea       NOT NULL CHECK (octet_length(token_hash) = 32),
    expires_at      timestamptz NOT NULL,
    accepted_at     timestamptz,
    accepted_by     uuid,
    revoked_at      timestamptz,
    version         bigint      NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT invitations_pkey PRIMARY KEY (organization_id, id),
    CONSTRAINT invitations_organization_fkey FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE,
    CONSTRAINT invitations_email_until_accepted CHECK ((email IS NULL) = (accepted_at IS NOT NULL))
);
-- At most one open invitation per address and organization.
CREATE UNIQUE INDEX invitations_open_email_key ON invitations (organization_id, email)
    WHERE accepted_at IS NULL AND revoked_at IS NULL;

CREATE TABLE invitation_roles (
    organization_id uuid        NOT NULL,
    invitation_id   uuid        NOT NULL,
    role_id         uuid        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT invitation_roles_pkey PRIMARY KEY (organization_id, invitation_id, role_id),
    CONSTRAINT invitation_roles_invitation_fkey FOREIGN KEY (organization_id, invitation_id)
        REFERENCES invitations (organization_id, id) ON DELETE CASCADE,
    CONSTRAINT invitation_roles_role_fkey FOREIGN KEY (organization_id, role_id)
        REFERENCES roles (organization_id, id) ON DELETE CASCADE
);

-- A refresh token belongs to one user in one organization. Every use replaces it with a new one of the same
-- family; presenting a used token again revokes the whole family (it was stolen, or the client is confused).
-- Removing the member deletes their tokens (the foreign key), so a removed member cannot refresh. Scoped by the
-- user alone, so that a password change can revoke the user's tokens in every organization at once.
CREATE TABLE refresh_tokens (
    user_id         uuid        NOT NULL,
    id              uuid        NOT NULL DEFAULT new_uuidv7(),
    organization_id uuid        NOT NULL,
    family_id       uuid        NOT NULL,
    token_hash      bytea       NOT NULL CHECK (octet_length(token_hash) = 32),
    expires_at      timestamptz NOT NULL,
    used_at         timestamptz,
    revoked_at      timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT refresh_tokens_pkey PRIMARY KEY (user_id, id),
    CONSTRAINT refresh_tokens_membership_fkey FOREIGN KEY (organization_id, user_id)
        REFERENCES memberships (organization_id, user_id) ON DELETE CASCADE
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (user_id, family_id);

-- Tasks get an assignee, who must be a member of the task's organization. Removing the member unassigns.
ALTER TABLE tasks ADD COLUMN assignee_id uuid;
ALTER TABLE tasks ADD CONSTRAINT tasks_assignee_fkey FOREIGN KEY (organization_id, assignee_id)
    REFERENCES memberships (organization_id, user_id) ON DELETE SET NULL (assignee_id);
CREATE INDEX tasks_assignee_idx ON tasks (organization_id, assignee_id, id) WHERE assignee_id IS NOT NULL;

-- ---------------------------------------------------------------------------------------------------------------
-- updated_at, row-level security, policies.

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['users', 'user_credentials', 'user_external_logins', 'user_profiles',
                             'user_preferences', 'memberships', 'roles', 'role_permissions', 'user_roles',
                             'api_key_roles', 'invitations', 'invitation_roles', 'refresh_tokens'] LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION set_updated_at()',
                       t || '_set_updated_at', t);
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    END LOOP;

    FOREACH t IN ARRAY ARRAY['memberships', 'roles', 'role_permissions', 'user_roles', 'api_key_roles',
                             'invitations', 'invitation_roles'] LOOP
        EXECUTE format($p$CREATE POLICY tenant_isolation ON %I FOR ALL TO tenantcore_app
            USING      (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid))
            WITH CHECK (organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid))
            $p$, t);
    END LOOP;

    -- The user's own rows: read and written by the person the credential belongs to, and by nobody else.
    FOREACH t IN ARRAY ARRAY['user_credentials', 'user_external_logins', 'user_profiles', 'user_preferences',
                             'refresh_tokens'] LOOP
        EXECUTE format($p$CREATE POLICY user_self ON %I FOR ALL TO tenantcore_app
            USING      (user_id = (SELECT NULLIF(current_setting('app.user_id', true), '')::uuid))
            WITH CHECK (user_id = (SELECT NULLIF(current_setting('app.user_id', true), '')::uuid))
            $p$, t);
    END LOOP;

    -- An organization reads its members' identity, profile and preferences, and only while they are members.
    FOREACH t IN ARRAY ARRAY['user_profiles', 'user_preferences'] LOOP
        EXECUTE format($p$CREATE POLICY organization_members ON %I FOR SELECT TO tenantcore_app
            USING (EXISTS (SELECT FROM memberships m WHERE m.user_id = %I.user_id
                   AND m.organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid)))
            $p$, t, t);
    END LOOP;
END
$$;

CREATE POLICY user_self ON users FOR ALL TO tenantcore_app
    USING      (id = (SELECT NULLIF(current_setting('app.user_id', true), '')::uuid))
    WITH CHECK (id = (SELECT NULLIF(current_setting('app.user_id', true), '')::uuid));
CREATE POLICY organization_members ON users FOR SELECT TO tenantcore_app
    USING (EXISTS (SELECT FROM memberships m WHERE m.user_id = users.id
           AND m.organization_id = (SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid)));
-- A user sees their own memberships in every organization ("which organizations am I in"); writing them stays
-- with each organization.
CREATE POLICY own_memberships ON memberships FOR SELECT TO tenantcore_app
    USING (user_id = (SELECT NULLIF(current_setting('app.user_id', true), '')::uuid));
-- ---------------------------------------------------------------------------------------------------------------
-- Permissions of a set of roles: a built-in role's from the catalogue, a custom role's from role_permissions.
-- Runs as the caller, so row-level security keeps it inside the caller's tenant.
CREATE FUNCTION permissions_of_roles(p_organization_id uuid, p_role_ids uuid[]) RETURNS text[]
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT coalesce(array_agg(DISTINCT p.permission ORDER BY p.permission), '{}')
    FROM (
        SELECT b.permission FROM public.roles r JOIN public.builtin_role_permissions b ON b.role = r.builtin
        WHERE r.organization_id = p_organization_id AND r.id = ANY (p_role_ids)
        UNION ALL
        SELECT rp.permission FROM public.role_permissions rp
        WHERE rp.organization_id = p_organization_id AND rp.role_id = ANY (p_role_ids)
    ) p
$$;
GRANT EXECUTE ON FUNCTION permissions_of_roles(uuid, uuid[]) TO tenantcore_app, tenantcore_auth;

-- Every organization gets the four built-in roles the moment it exists.
CREATE FUNCTION create_builtin_roles() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    INSERT INTO public.roles (organization_id, name, builtin, description)
    VALUES (NEW.id, 'owner', 'owner', 'Everything, including making and removing owners'),
           (NEW.id, 'admin', 'admin', 'Everything except making and removing owners'),
           (NEW.id, 'member', 'member', 'Read and write tasks; see members'),
           (NEW.id, 'viewer', 'viewer', 'Read tasks; see members');
    RETURN NULL;
END
$$;

-- Existing organizations get their built-in roles, and existing API keys keep the full access they had (admin).
-- The migration runs as the owner, whom FORCE would hold to the (runtime-role-only) policies: lifted for the
-- backfill, in this transaction only, before any audit trigger exists on these tables.
ALTER TABLE roles NO FORCE ROW LEVEL SECURITY;
ALTER TABLE api_key_roles NO FORCE ROW LEVEL SECURITY;
ALTER TABLE organizations NO FORCE ROW LEVEL SECURITY;
ALTER TABLE api_keys NO FORCE ROW LEVEL SECURITY;
INSERT INTO roles (organization_id, name, builtin, description)
SELECT o.id, b.name, b.name, b.description
FROM organizations o
CROSS JOIN (VALUES ('owner', 'Everything, including making and removing owners'),
                   ('admin', 'Everything except making and removing owners'),
                   ('member', 'Read and write tasks; see members'),
                   ('viewer', 'Read tasks; see members')) b (name, description);
INSERT INTO api_key_roles (organization_id, api_key_id, role_id)
SELECT k.organization_id, k.id, r.id
FROM api_keys k JOIN roles r ON r.organization_id = k.organization_id AND r.builtin = 'admin';
ALTER TABLE roles FORCE ROW LEVEL SECURITY;
ALTER TABLE api_key_roles FORCE ROW LEVEL SECURITY;
ALTER TABLE organizations FORCE ROW LEVEL SECURITY;
ALTER TABLE api_keys FORCE ROW LEVEL SECURITY;

CREATE TRIGGER organizations_create_builtin_roles AFTER INSERT ON organizations
    FOR EACH ROW EXECUTE FUNCTION create_builtin_roles();

-- ---------------------------------------------------------------------------------------------------------------
-- Audit. The audit trigger learns a sixth argument: the column that identifies the entity (default id), for
-- tables keyed by a user. Personal data stays out of the log: an invitation's address and token hash are hidden,
-- and the user's own tables are not audited (their changes belong to the person, and erasure must leave nothing).
CREATE OR REPLACE FUNCTION record_audit_event() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET timezone = 'UTC'
AS $$
DECLARE
    hidden     text[] := CASE WHEN TG_NARGS > 2 THEN TG_ARGV[2]::text[] ELSE '{}' END;
    quiet      text[] := CASE WHEN TG_NARGS > 3 THEN TG_ARGV[3]::text[] ELSE '{}' END || '{updated_at}'::text[];
    named      jsonb  := CASE WHEN TG_NARGS > 4 THEN TG_ARGV[4]::jsonb ELSE '{}' END;
    tenant     text   := CASE WHEN TG_NARGS > 1 THEN TG_ARGV[1] ELSE 'organization_id' END;
    entity     text   := CASE WHEN TG_NARGS > 5 THEN TG_ARGV[5] ELSE 'id' END;
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
            (coalesce(new_row, old_row) ->> entity)::uuid,
            old_values,
            new_values,
            NULLIF(current_setting('app.request_id', true), ''),
            NULLIF(current_setting('app.client_address', true), '')::inet,
            NULLIF(current_setting('app.user_agent', true), ''));
    RETURN NULL;
END
$$;

CREATE TRIGGER memberships_audit AFTER INSERT OR UPDATE OR DELETE ON memberships
    FOR EACH ROW EXECUTE FUNCTION record_audit_event('member', 'organization_id', '{}', '{}', '{}', 'user_id');
CREATE TRIGGER user_roles_audit AFTER INSERT OR DELETE ON user_roles
    FOR EACH ROW EXECUTE FUNCTION record_audit_event('member_role', 'organization_id', '{}', '{}', '{}', 'user_id');
CREATE TRIGGER roles_audit AFTER INSERT OR UPDATE OR DELETE ON roles
    FOR EACH ROW EXECUTE FUNCTION record_audit_event('role');
CREATE TRIGGER role_permissions_audit AFTER INSERT OR DELETE ON role_permissions
    FOR EACH ROW EXECUTE FUNCTION record_audit_event('role_permission', 'organization_id', '{}', '{}', '{}',
                                                     'role_id');
CREATE TRIGGER api_key_roles_audit AFTER INSERT OR DELETE ON api_key_roles
    FOR EACH ROW EXECUTE FUNCTION record_audit_event('api_key_role', 'organization_id', '{}', '{}', '{}',
                                                     'api_key_id');
CREATE TRIGGER invitations_audit AFTER INSERT OR UPDATE OR DELETE ON invitations
    FOR EACH ROW EXECUTE FUNCTION record_audit_event('invitation', 'organization_id', '{email,token_hash}', '{}',
                                                     '{"accepted_at": "accept", "revoked_at": "revoke"}');

-- ---------------------------------------------------------------------------------------------------------------
-- Authentication lookups across scopes, as tenantcore_auth: it may read only the columns these functions return
-- or join on, only through read-only policies, and the runtime role may only execute the functions.
GRANT SELECT (id, email, status) ON users TO tenantcore_auth;
GRANT SELECT (user_id, password_hash) ON user_credentials TO tenantcore_auth;
GRANT SELECT (user_id, provider, subject) ON user_external_logins TO tenantcore_auth;
GRANT SELECT (id, slug) ON organizations TO tenantcore_auth;
GRANT SELECT (organization_id, user_id, status) ON memberships TO tenantcore_auth;
GRANT SELECT (organization_id, user_id, role_id) ON user_roles TO tenantcore_auth;
GRANT SELECT (organization_id, api_key_id, role_id) ON api_key_roles TO tenantcore_auth;
GRANT SELECT (organization_id, id, builtin) ON roles TO tenantcore_auth;
GRANT SELECT (organization_id, role_id, permission) ON role_permissions TO tenantcore_auth;
GRANT SELECT ON builtin_role_permissions TO tenantcore_auth;
CREATE POLICY authentication_lookup ON users FOR SELECT TO tenantcore_auth USING (true);
CREATE POLICY authentication_lookup ON user_credentials FOR SELECT TO tenantcore_auth USING (true);
CREATE POLICY authentication_lookup ON user_external_logins FOR SELECT TO tenantcore_auth USING (true);
CREATE POLICY authentication_lookup ON organizations FOR SELECT TO tenantcore_auth USING (true);
CREATE POLICY authentication_lookup ON memberships FOR SELECT TO tenantcore_auth USING (true);
CREATE POLICY authentication_lookup ON user_roles FOR SELECT TO tenantcore_auth USING (true);
CREATE POLICY authentication_lookup ON api_key_roles FOR SELECT TO tenantcore_auth USING (true);
CREATE POLICY authentication_lookup ON roles FOR SELECT TO tenantcore_auth USING (true);
CREATE POLICY authentication_lookup ON role_permissions FOR SELECT TO tenantcore_auth USING (true);

-- API-key authentication now also answers the key's permissions.
DROP FUNCTION find_usable_api_keys(text);
CREATE FUNCTION find_usable_api_keys(key_prefix text)
RETURNS TABLE (organization_id uuid, id uuid, secret_hash bytea, last_used_at timestamptz, permissions text[])
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT k.organization_id, k.id, k.secret_hash, k.last_used_at,
           public.permissions_of_roles(k.organization_id,
               ARRAY(SELECT kr.role_id FROM public.api_key_roles kr
                     WHERE kr.organization_id = k.organization_id AND kr.api_key_id = k.id))
    FROM public.api_keys k
    WHERE k.prefix = key_prefix
      AND k.revoked_at IS NULL
      AND (k.expires_at IS NULL OR k.expires_at > now())
$$;

-- citext's case-insensitive = lives in schema public, outside these functions' search_path: it is named
-- explicitly (OPERATOR(public.=)), or the comparison would silently fall back to text's case-sensitive one.
--
-- Password login: the account behind an address, and, when an organization (slug or id) is named and the account
-- belongs to it, the membership's status and permissions. No row when no account has the address.
CREATE FUNCTION find_password_login(p_email text, p_organization text)
RETURNS TABLE (user_id uuid, user_status text, password_hash text, organization_id uuid, membership_status text,
               permissions text[])
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT u.id, u.status, c.password_hash, m.organization_id, m.status,
           CASE WHEN m.organization_id IS NOT NULL THEN
               public.permissions_of_roles(m.organization_id,
                   ARRAY(SELECT ur.role_id FROM public.user_roles ur
                         WHERE ur.organization_id = m.organization_id AND ur.user_id = u.id))
           END
    FROM public.users u
    LEFT JOIN public.user_credentials c ON c.user_id = u.id
    LEFT JOIN public.organizations o
           ON p_organization IS NOT NULL
          AND (o.slug OPERATOR(public.=) p_organization::public.citext
               OR (p_organization ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                   AND o.id = CASE WHEN p_organization ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                                   THEN p_organization::uuid END))
    LEFT JOIN public.memberships m ON m.organization_id = o.id AND m.user_id = u.id
    WHERE u.email OPERATOR(public.=) p_email::public.citext
$$;

-- External login: the account a provider's subject is linked to.
CREATE FUNCTION find_external_login(p_provider text, p_subject text)
RETURNS TABLE (user_id uuid, user_status text)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT u.id, u.status
    FROM public.user_external_logins l JOIN public.users u ON u.id = l.user_id
    WHERE l.provider = p_provider AND l.subject = p_subject
$$;

-- The organization a slug or id names, for logins that name one. Only its id.
CREATE FUNCTION find_organization_id(p_organization text) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT o.id FROM public.organizations o
    WHERE o.slug OPERATOR(public.=) p_organization::public.citext
       OR (p_organization ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
           AND o.id = CASE WHEN p_organization ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                           THEN p_organization::uuid END)
$$;

DO $$
DECLARE
    f text;
BEGIN
    FOREACH f IN ARRAY ARRAY['find_usable_api_keys(text)', 'find_password_login(text, text)',
                             'find_external_login(text, text)', 'find_organization_id(text)'] LOOP
        EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
        -- ALTER ... OWNER needs the new owner to hold CREATE on the schema; it holds it only for this statement.
        EXECUTE 'GRANT CREATE ON SCHEMA public TO tenantcore_auth';
        EXECUTE format('ALTER FUNCTION %s OWNER TO tenantcore_auth', f);
        EXECUTE 'REVOKE CREATE ON SCHEMA public FROM tenantcore_auth';
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO tenantcore_app', f);
    END LOOP;
END
$$;
