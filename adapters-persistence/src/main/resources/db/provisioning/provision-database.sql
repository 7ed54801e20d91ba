-- Creates one Tenantcore database owned by tenantcore_owner. Run as a superuser after roles.sql, replacing
-- tenantcore with the database name you want (the service's TENANTCORE_DATABASE_URL names it):
--
--   psql -v ON_ERROR_STOP=1 -f roles.sql
--   psql -v ON_ERROR_STOP=1 -f provision-database.sql
--   psql -c "ALTER ROLE tenantcore_migrator PASSWORD '...'" -c "ALTER ROLE tenantcore_app PASSWORD '...'"
--
-- The service's migrations (run as tenantcore_migrator at start-up) create everything inside it.
CREATE DATABASE tenantcore OWNER tenantcore_owner;
REVOKE ALL ON DATABASE tenantcore FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE tenantcore TO tenantcore_app, tenantcore_migrator;
