-- Each process caches the actor a session cookie resolves to (auth/sessions.ts), so that an API
-- request does not read the session, the account and its roles every time. Any change that can
-- revoke or change a session's actor — a session deleted (sign-out, password change) or altered,
-- an account changed or disabled, a role granted, changed or withdrawn, a unit renamed or moved —
-- bumps the cache's version row in the writer's own transaction and notifies, as bumpCacheVersion
-- does (kernel/cache-version.ts): every process sees the change on its next request. A statement
-- that changed no row (sign-in's clean-up of expired sessions, most often), or an account or unit
-- update that leaves what the actor holds as it was (sign-in's failure counts), bumps nothing.
CREATE FUNCTION sessions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM changed) THEN
    INSERT INTO cache_versions AS v (name, version) VALUES ('sessions', 1)
    ON CONFLICT (name) DO UPDATE SET version = v.version + 1;
    PERFORM pg_notify('toandan_cache_versions', 'sessions');
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION sessions_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO cache_versions AS v (name, version) VALUES ('sessions', 1)
  ON CONFLICT (name) DO UPDATE SET version = v.version + 1;
  PERFORM pg_notify('toandan_cache_versions', 'sessions');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER sessions_changed_delete AFTER DELETE ON sessions
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION sessions_changed();
--> statement-breakpoint
CREATE TRIGGER sessions_changed_update AFTER UPDATE ON sessions
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION sessions_changed();
--> statement-breakpoint
CREATE TRIGGER sessions_changed_truncate AFTER TRUNCATE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION sessions_bump();
--> statement-breakpoint
CREATE TRIGGER sessions_changed_delete AFTER DELETE ON accounts
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION sessions_changed();
--> statement-breakpoint
CREATE TRIGGER sessions_changed_update AFTER UPDATE ON accounts FOR EACH ROW
  WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.username IS DISTINCT FROM NEW.username
    OR OLD.display_name IS DISTINCT FROM NEW.display_name OR OLD.locale IS DISTINCT FROM NEW.locale
    OR OLD.disabled_at IS DISTINCT FROM NEW.disabled_at)
  EXECUTE FUNCTION sessions_bump();
--> statement-breakpoint
CREATE TRIGGER sessions_changed_truncate AFTER TRUNCATE ON accounts
  FOR EACH STATEMENT EXECUTE FUNCTION sessions_bump();
--> statement-breakpoint
CREATE TRIGGER sessions_changed_insert AFTER INSERT ON account_roles
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION sessions_changed();
--> statement-breakpoint
CREATE TRIGGER sessions_changed_delete AFTER DELETE ON account_roles
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION sessions_changed();
--> statement-breakpoint
CREATE TRIGGER sessions_changed_update AFTER UPDATE ON account_roles
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION sessions_changed();
--> statement-breakpoint
CREATE TRIGGER sessions_changed_truncate AFTER TRUNCATE ON account_roles
  FOR EACH STATEMENT EXECUTE FUNCTION sessions_bump();
--> statement-breakpoint
CREATE TRIGGER sessions_changed_delete AFTER DELETE ON org_units
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION sessions_changed();
--> statement-breakpoint
CREATE TRIGGER sessions_changed_update AFTER UPDATE ON org_units FOR EACH ROW
  WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.full_name IS DISTINCT FROM NEW.full_name
    OR OLD.kind IS DISTINCT FROM NEW.kind OR OLD.path IS DISTINCT FROM NEW.path
    OR OLD.depth IS DISTINCT FROM NEW.depth)
  EXECUTE FUNCTION sessions_bump();
