-- Each process keeps, with a session's actor, the units and bodies its writes name (org-units/
-- places.ts), so that a write at a unit does not read the unit again; the session cache checks the
-- `org-units` version with its own in one statement and hands out a new actor once it changed
-- (auth/sessions.ts, kernel/cache-version.ts). Every statement that writes org_units or bodies —
-- the unit import, the two-level reform, local units, admin commands, SQL by hand — bumps it in
-- its own transaction and notifies, as bumpCacheVersion does: every process sees the change on its
-- next request. Statement triggers, so an import of thousands of rows bumps once per statement.
CREATE FUNCTION org_units_cache_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO cache_versions AS v (name, version) VALUES ('org-units', 1)
  ON CONFLICT (name) DO UPDATE SET version = v.version + 1;
  PERFORM pg_notify('toandan_cache_versions', 'org-units');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER org_units_cache_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_units
  FOR EACH STATEMENT EXECUTE FUNCTION org_units_cache_changed();
--> statement-breakpoint
CREATE TRIGGER org_units_cache_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bodies
  FOR EACH STATEMENT EXECUTE FUNCTION org_units_cache_changed();
