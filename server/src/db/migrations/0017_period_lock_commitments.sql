-- An approved period report locks the household commitments signed in the locked days as well as
-- the activities (0013): the same guard, reading the record's date from the column named by the
-- trigger's argument. SQLSTATE TD409: the API answers 409 with this message.
CREATE FUNCTION period_lock_guard_dated() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  l record;
  old_on date;
  new_on date;
BEGIN
  IF TG_OP <> 'INSERT' THEN old_on := (to_jsonb(OLD) ->> TG_ARGV[0])::date; END IF;
  IF TG_OP <> 'DELETE' THEN new_on := (to_jsonb(NEW) ->> TG_ARGV[0])::date; END IF;
  SELECT p.period_from, p.period_to INTO l FROM period_locks p
  WHERE p.unlocked_at IS NULL
    AND ((TG_OP <> 'INSERT' AND OLD.rollup_path LIKE p.unit_path || '%' AND old_on BETWEEN p.period_from AND p.period_to)
      OR (TG_OP <> 'DELETE' AND NEW.rollup_path LIKE p.unit_path || '%' AND new_on BETWEEN p.period_from AND p.period_to))
  LIMIT 1;
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
CREATE TRIGGER household_commitments_period_lock BEFORE INSERT OR UPDATE OR DELETE ON household_commitments
  FOR EACH ROW EXECUTE FUNCTION period_lock_guard_dated('signed_on');
