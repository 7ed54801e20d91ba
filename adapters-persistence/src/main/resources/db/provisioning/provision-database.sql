-- Creates one Tenantcore database owned by tenantcore_owner. Run as a superuser after roles.sql:
--
--   psql -v ON_ERROR_STOP=1 -f roles.sql
--   psql -v ON_ERROR_STOP=1 -v database=tenantcore -f provision-database.sql
--   psql -c "ALTER ROLE tenantcore_migrator PASSWORD '...'" -c "ALTER ROLE tenantcore_app PASSWORD '...'"
--
-- The service's migrations (run as tenantcore_migrator at start-up) create everything inside it. The embedded
-- database and the test harness run this same file (DatabaseProvisioner substitutes :"database").
CREATE DATABASE :"database" OWNER tenantcore_owner;
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"database" TO tenantcore_app, tenantcore_migrator;
