-- The period lock guards (0013, 0017, 0059) matched `rollup_path LIKE p.unit_path || '%'`, which no
-- index can serve (the pattern is the column), so every write scanned every active lock — one per
-- approved report, thousands within a year. Measured on PGlite, per inserted activity: 36 µs with
-- no lock, 147 µs with 1,000, 1,044 µs with 10,000. They now list the row's path prefixes (each
-- ending in '/', a few simple expressions, no query) and look the locks up by equality on
-- `unit_path` (period_locks_path_idx). The same rule: a lock's path is a prefix of the row's path.
-- A lock's path ends in '/' and holds no LIKE wildcard (the check below; they are unit paths), so
-- being one of the row's '/'-ending prefixes is exactly being a prefix of it.
-- The prefix loop is written out in each branch: the same loop as a function of its own (PL/pgSQL,
-- IMMUTABLE) cost ~100 µs more per write on PGlite (activity-statements, 0.43–0.46 → 0.55 ms).
ALTER TABLE "period_locks" ADD CONSTRAINT "period_locks_unit_path_ck" CHECK ("period_locks"."unit_path" like '%/' and strpos("period_locks"."unit_path", '%') = 0 and strpos("period_locks"."unit_path", '_') = 0
        and strpos("period_locks"."unit_path", '\') = 0);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION period_lock_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  l record;
  part text;
  prefix text;
  prefixes text[];
BEGIN
  IF TG_OP <> 'INSERT' THEN
    -- '/a/b/' splits into '', 'a', 'b', '': its prefixes ending in '/' are '/', '/a/', '/a/b/'.
    prefixes := '{}';
    prefix := '';
    FOREACH part IN ARRAY coalesce((string_to_array(OLD.rollup_path, '/'))[:array_length(string_to_array(OLD.rollup_path, '/'), 1) - 1], '{}') LOOP
      prefix := prefix || part || '/';
      prefixes := prefixes || prefix;
    END LOOP;
    SELECT p.period_from, p.period_to INTO l FROM period_locks p
    WHERE p.unlocked_at IS NULL AND p.unit_path = ANY (prefixes)
      AND OLD.date BETWEEN p.period_from AND p.period_to
    LIMIT 1;
  END IF;
  -- FOUND starts false: an insert checks the new row only, an update the new row if the old passed.
  IF NOT FOUND AND TG_OP <> 'DELETE' THEN
    prefixes := '{}';
    prefix := '';
    FOREACH part IN ARRAY coalesce((string_to_array(NEW.rollup_path, '/'))[:array_length(string_to_array(NEW.rollup_path, '/'), 1) - 1], '{}') LOOP
      prefix := prefix || part || '/';
      prefixes := prefixes || prefix;
    END LOOP;
    SELECT p.period_from, p.period_to INTO l FROM period_locks p
    WHERE p.unlocked_at IS NULL AND p.unit_path = ANY (prefixes)
      AND NEW.date BETWEEN p.period_from AND p.period_to
    LIMIT 1;
  END IF;
  IF FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'TD409', MESSAGE = format(
      'Kỳ báo cáo %s–%s đã được duyệt và khóa số liệu; cấp trên cần mở khóa trước khi sửa.',
      to_char(l.period_from, 'DD/MM/YYYY'), to_char(l.period_to, 'DD/MM/YYYY'));
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION period_lock_guard_dated() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  l record;
  old_on date;
  new_on date;
  part text;
  prefix text;
  prefixes text[];
BEGIN
  IF TG_OP <> 'INSERT' THEN
    old_on := (to_jsonb(OLD) ->> TG_ARGV[0])::date;
    prefixes := '{}';
    prefix := '';
    FOREACH part IN ARRAY coalesce((string_to_array(OLD.rollup_path, '/'))[:array_length(string_to_array(OLD.rollup_path, '/'), 1) - 1], '{}') LOOP
      prefix := prefix || part || '/';
      prefixes := prefixes || prefix;
    END LOOP;
    SELECT p.period_from, p.period_to INTO l FROM period_locks p
    WHERE p.unlocked_at IS NULL AND p.unit_path = ANY (prefixes)
      AND old_on BETWEEN p.period_from AND p.period_to
    LIMIT 1;
  END IF;
  IF NOT FOUND AND TG_OP <> 'DELETE' THEN
    new_on := (to_jsonb(NEW) ->> TG_ARGV[0])::date;
    prefixes := '{}';
    prefix := '';
    FOREACH part IN ARRAY coalesce((string_to_array(NEW.rollup_path, '/'))[:array_length(string_to_array(NEW.rollup_path, '/'), 1) - 1], '{}') LOOP
      prefix := prefix || part || '/';
      prefixes := prefixes || prefix;
    END LOOP;
    SELECT p.period_from, p.period_to INTO l FROM period_locks p
    WHERE p.unlocked_at IS NULL AND p.unit_path = ANY (prefixes)
      AND new_on BETWEEN p.period_from AND p.period_to
    LIMIT 1;
  END IF;
  IF FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'TD409', MESSAGE = format(
      'Kỳ báo cáo %s–%s đã được duyệt và khóa số liệu; cấp trên cần mở khóa trước khi sửa.',
      to_char(l.period_from, 'DD/MM/YYYY'), to_char(l.period_to, 'DD/MM/YYYY'));
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
