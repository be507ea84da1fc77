-- One pair of roles per AINS service, least privilege (docs/operations.md, "Database roles"):
--   ains_<schema>_owner  owns the service's schema; only its migration Job logs in as it.
--   ains_<schema>        what the serving pods log in as: reads and writes rows of its own schema,
--                        no DDL, nothing in any other schema.
-- Run once per database as a superuser (or a role with CREATEROLE), re-run safely at any time:
--   psql -v ON_ERROR_STOP=1 -d ains -f deploy/postgres/roles.sql
-- then give each role a password (\password ains_task) or map it to certificate/IAM authentication.
DO $roles$
DECLARE
  schema_name text;
  owner_role text;
  runtime_role text;
BEGIN
  -- Before PostgreSQL 15 every role could create objects in "public"; AINS uses no public objects.
  REVOKE CREATE ON SCHEMA public FROM PUBLIC;

  FOREACH schema_name IN ARRAY ARRAY['gateway', 'task', 'agent', 'trust', 'routing', 'scheduler', 'webhook'] LOOP
    owner_role := 'ains_' || schema_name || '_owner';
    runtime_role := 'ains_' || schema_name;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = owner_role) THEN
      EXECUTE format('CREATE ROLE %I LOGIN', owner_role);
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = runtime_role) THEN
      EXECUTE format('CREATE ROLE %I LOGIN', runtime_role);
    END IF;

    -- `node main.js migrate` runs CREATE SCHEMA IF NOT EXISTS, which PostgreSQL checks against the
    -- database's CREATE privilege even when the schema exists.
    EXECUTE format('GRANT CONNECT, CREATE ON DATABASE %I TO %I', current_database(), owner_role);
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), runtime_role);
    EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I AUTHORIZATION %I', schema_name, owner_role);
    EXECUTE format('ALTER SCHEMA %I OWNER TO %I', schema_name, owner_role);

    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', schema_name, runtime_role);
    -- Tables and sequences the migrations create from now on...
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', owner_role, schema_name, runtime_role);
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO %I', owner_role, schema_name, runtime_role);
    -- ...and those that exist already.
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', schema_name, runtime_role);
    EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO %I', schema_name, runtime_role);
  END LOOP;
END
$roles$;
