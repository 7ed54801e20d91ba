-- Refresh-token families started by a login through an OpenID Connect provider remember the provider's session:
-- a back-channel logout from the provider revokes them, and they end at provider_session_ends_at whatever their
-- use, so that a person disabled at a provider that sends no logout cannot refresh for longer than that.
-- (V9, not V8: a gap left for a migration being written on another branch at the same time.)
-- Columns of refresh_tokens, a user's own table (policy user_self, V4): no new table, no new policy.
ALTER TABLE refresh_tokens
    ADD COLUMN provider                 text CHECK (provider ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
    ADD COLUMN provider_subject         text CHECK (length(provider_subject) BETWEEN 1 AND 255),
    ADD COLUMN provider_session         text CHECK (length(provider_session) BETWEEN 1 AND 255),
    ADD COLUMN provider_session_ends_at timestamptz,
    ADD CONSTRAINT refresh_tokens_provider_columns_check CHECK (
        (provider IS NULL) = (provider_subject IS NULL)
        AND (provider IS NULL) = (provider_session_ends_at IS NULL)
        AND (provider IS NOT NULL OR provider_session IS NULL));
CREATE INDEX refresh_tokens_provider_idx ON refresh_tokens (user_id, provider, provider_subject)
    WHERE provider IS NOT NULL AND revoked_at IS NULL;

-- Back-channel logout: the account a provider's subject is linked to, and the organizations it is a member of (its
-- sessions are revoked in each). Only ids, like find_external_login.
CREATE FUNCTION find_external_login_organizations(p_provider text, p_subject text)
RETURNS TABLE (user_id uuid, organization_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT l.user_id, m.organization_id
    FROM public.user_external_logins l JOIN public.memberships m ON m.user_id = l.user_id
    WHERE l.provider = p_provider AND l.subject = p_subject
$$;
REVOKE ALL ON FUNCTION find_external_login_organizations(text, text) FROM PUBLIC;
-- ALTER ... OWNER needs the new owner to hold CREATE on the schema; it holds it only for this statement.
GRANT CREATE ON SCHEMA public TO tenantcore_auth;
ALTER FUNCTION find_external_login_organizations(text, text) OWNER TO tenantcore_auth;
REVOKE CREATE ON SCHEMA public FROM tenantcore_auth;
GRANT EXECUTE ON FUNCTION find_external_login_organizations(text, text) TO tenantcore_app;
