-- API-key authentication may now keep what it found for a few seconds (tenantcore.auth.api-key-cache-ttl): the
-- lookup also answers when the key expires, so that a kept key is refused at its expiry to the instant, not up to
-- one cache lifetime later. Everything else is as in V4.
DROP FUNCTION find_usable_api_keys(text);
CREATE FUNCTION find_usable_api_keys(key_prefix text)
RETURNS TABLE (organization_id uuid, id uuid, secret_hash bytea, last_used_at timestamptz, permissions text[],
               expires_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT k.organization_id, k.id, k.secret_hash, k.last_used_at,
           public.permissions_of_roles(k.organization_id,
               ARRAY(SELECT kr.role_id FROM public.api_key_roles kr
                     WHERE kr.organization_id = k.organization_id AND kr.api_key_id = k.id)),
           k.expires_at
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
