-- An approved period report locks that period's activities for the unit's subtree (period_locks).
-- The database refuses the write itself, for every writer, in the statement that writes — no
-- extra round trip on the write path. SQLSTATE TD409 carries a user-facing message: the API turns
-- it into a 409 conflict (kernel/http/error-handler.ts).
CREATE FUNCTION period_lock_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  l record;
BEGIN
  SELECT p.period_from, p.period_to INTO l FROM period_locks p
  WHERE p.unlocked_at IS NULL
    AND ((TG_OP <> 'INSERT' AND OLD.rollup_path LIKE p.unit_path || '%' AND OLD.date BETWEEN p.period_from AND p.period_to)
      OR (TG_OP <> 'DELETE' AND NEW.rollup_path LIKE p.unit_path || '%' AND NEW.date BETWEEN p.period_from AND p.period_to))
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
CREATE TRIGGER activities_period_lock BEFORE INSERT OR UPDATE OR DELETE ON activities
  FOR EACH ROW EXECUTE FUNCTION period_lock_guard();
