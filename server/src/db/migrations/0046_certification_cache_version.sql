-- The past years' certification counts are read from every unit of the tree (no rollup answers for
-- a past year's tree), so each process caches them (certification.rates.ts). Any write to the
-- units, the cycles or the recorded results bumps the cache's version row in the writer's own
-- transaction and notifies, as bumpCacheVersion does (kernel/cache-version.ts): every process sees
-- the change on its next read, whichever path wrote it.
CREATE FUNCTION certification_counts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO cache_versions AS v (name, version) VALUES ('certification-counts', 1)
  ON CONFLICT (name) DO UPDATE SET version = v.version + 1;
  PERFORM pg_notify('toandan_cache_versions', 'certification-counts');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER certification_counts_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_units
  FOR EACH STATEMENT EXECUTE FUNCTION certification_counts_changed();
--> statement-breakpoint
CREATE TRIGGER certification_counts_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON certification_cycles
  FOR EACH STATEMENT EXECUTE FUNCTION certification_counts_changed();
--> statement-breakpoint
CREATE TRIGGER certification_counts_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON certification_history
  FOR EACH STATEMENT EXECUTE FUNCTION certification_counts_changed();
