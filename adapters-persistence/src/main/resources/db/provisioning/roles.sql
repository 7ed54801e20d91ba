-- Tenantcore database roles. Run once per PostgreSQL cluster as a superuser (or a role with CREATEROLE);
-- safe to run again. Then create the database (see provision-database.sql) and set passwords for the two
-- login roles. Role names are fixed: the migrations grant to them by name.
--
--   tenantcore_owner     NOLOGIN; owns the database, its schema and every object in it.
--   tenantcore_migrator  LOGIN; runs Flyway, which switches to tenantcore_owner (SET ROLE) before any DDL.
--   tenantcore_app       LOGIN; the service's connection pool. Not superuser, not BYPASSRLS, owns nothing, and
--                        gets only SELECT/INSERT/UPDATE/DELETE on tables (default privileges, see V1).
--   tenantcore_auth      NOLOGIN; owns the one SECURITY DEFINER function that authentication uses to find an API
--                        key across tenants, and may read only the columns that function returns.
--   tenantcore_audit     NOLOGIN; owns the audit trigger function (SECURITY DEFINER) and may only append audit
--                        events: the runtime role, whose writes fire the trigger, cannot write events itself.
DO $$
BEGIN
    CREATE ROLE tenantcore_owner NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

DO $$
BEGIN
    CREATE ROLE tenantcore_migrator LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

DO $$
BEGIN
    CREATE ROLE tenantcore_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

DO $$
BEGIN
    CREATE ROLE tenantcore_auth NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

DO $$
BEGIN
    CREATE ROLE tenantcore_audit NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

-- Re-assert the attributes, in case the roles existed before with others.
ALTER ROLE tenantcore_owner NOLOGIN NOSUPERUSER NOBYPASSRLS;
ALTER ROLE tenantcore_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
ALTER ROLE tenantcore_auth NOLOGIN NOSUPERUSER NOBYPASSRLS;
ALTER ROLE tenantcore_audit NOLOGIN NOSUPERUSER NOBYPASSRLS;

-- The service's statements are written for their generic plans: the tenant first, one statement per combination of
-- filters. PostgreSQL's own choice would re-plan every keyset page on every call, because `id < $2 ... LIMIT $3`
-- is estimated dearer as a generic plan than as a custom one although both are the same index scan, and planning
-- took longer than running the page. Set on the role, so that poolers and psql sessions see it too.
ALTER ROLE tenantcore_app SET plan_cache_mode = force_generic_plan;

-- The migrator acts as the owner; the owner may hand the authentication function to tenantcore_auth and the audit
-- trigger function to tenantcore_audit.
GRANT tenantcore_owner TO tenantcore_migrator;
GRANT tenantcore_auth TO tenantcore_owner;
GRANT tenantcore_audit TO tenantcore_owner;
