-- Activity rollups (see indicators.table.ts) kept current in the same transaction as every write to
-- `activities`. Statement-level triggers with transition tables: one set-based upsert per statement,
-- so a COPY or a multi-row INSERT pays once, not once per row.
--
-- A record adds to the rows of its province and its commune (segments 2 and 3 of its rollup path;
-- the country row only holds records made at the country itself: a national total is the sum of
-- the province rows, which keeps a hot row out of every write in the country). Residential areas
-- and agencies are not rolled up: a few hundred records each, summed from the records by index. Rows are upserted in key order so
-- concurrent writers lock them in the same order.
CREATE FUNCTION activity_rollups_ancestors(rollup_path text)
RETURNS TABLE (unit_path text, depth smallint) LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT '/' || array_to_string(seg[1:i], '/') || '/', i::smallint
  FROM (SELECT string_to_array(trim(both '/' from rollup_path), '/') AS seg) s,
       generate_series(least(2, cardinality(s.seg)), least(3, cardinality(s.seg))) i
$$;
--> statement-breakpoint
CREATE FUNCTION activity_rollups_dims(kind text, organizer_kinds text[], topics text[])
RETURNS SETOF text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ''
  UNION ALL SELECT 'kind:' || kind
  UNION ALL SELECT DISTINCT 'body:' || k FROM unnest(organizer_kinds) k
  UNION ALL SELECT DISTINCT 'topic:' || t FROM unnest(topics) t
$$;
--> statement-breakpoint
CREATE FUNCTION activity_rollups_maintain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO activity_rollups AS r (unit_path, depth, month, dim, activities, attendees, households,
      students, leaflets, panels, slogans, broadcast_items, broadcast_hours)
    SELECT p.unit_path, p.depth, date_trunc('month', a.date)::date, d.dim, count(*), sum(a.attendees),
      sum(a.households), sum(a.students), sum(a.leaflets), sum(a.panels), sum(a.slogans),
      sum(a.broadcast_items), sum(a.broadcast_hours)
    FROM new_rows a
    CROSS JOIN LATERAL activity_rollups_ancestors(a.rollup_path) p
    CROSS JOIN LATERAL activity_rollups_dims(a.kind, a.organizer_kinds, a.topics) d(dim)
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 4, 3
    ON CONFLICT (unit_path, dim, month) DO UPDATE SET
      activities = r.activities + excluded.activities, attendees = r.attendees + excluded.attendees,
      households = r.households + excluded.households, students = r.students + excluded.students,
      leaflets = r.leaflets + excluded.leaflets, panels = r.panels + excluded.panels,
      slogans = r.slogans + excluded.slogans, broadcast_items = r.broadcast_items + excluded.broadcast_items,
      broadcast_hours = r.broadcast_hours + excluded.broadcast_hours;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO activity_rollups AS r (unit_path, depth, month, dim, activities, attendees, households,
      students, leaflets, panels, slogans, broadcast_items, broadcast_hours)
    SELECT p.unit_path, p.depth, date_trunc('month', a.date)::date, d.dim, -count(*), -sum(a.attendees),
      -sum(a.households), -sum(a.students), -sum(a.leaflets), -sum(a.panels), -sum(a.slogans),
      -sum(a.broadcast_items), -sum(a.broadcast_hours)
    FROM old_rows a
    CROSS JOIN LATERAL activity_rollups_ancestors(a.rollup_path) p
    CROSS JOIN LATERAL activity_rollups_dims(a.kind, a.organizer_kinds, a.topics) d(dim)
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 4, 3
    ON CONFLICT (unit_path, dim, month) DO UPDATE SET
      activities = r.activities + excluded.activities, attendees = r.attendees + excluded.attendees,
      households = r.households + excluded.households, students = r.students + excluded.students,
      leaflets = r.leaflets + excluded.leaflets, panels = r.panels + excluded.panels,
      slogans = r.slogans + excluded.slogans, broadcast_items = r.broadcast_items + excluded.broadcast_items,
      broadcast_hours = r.broadcast_hours + excluded.broadcast_hours;
  ELSE
    INSERT INTO activity_rollups AS r (unit_path, depth, month, dim, activities, attendees, households,
      students, leaflets, panels, slogans, broadcast_items, broadcast_hours)
    SELECT p.unit_path, p.depth, date_trunc('month', a.date)::date, d.dim, sum(a.s), sum(a.s * a.attendees),
      sum(a.s * a.households), sum(a.s * a.students), sum(a.s * a.leaflets), sum(a.s * a.panels),
      sum(a.s * a.slogans), sum(a.s * a.broadcast_items), sum(a.s * a.broadcast_hours)
    FROM (SELECT -1 AS s, o.* FROM old_rows o UNION ALL SELECT 1 AS s, n.* FROM new_rows n) a
    CROSS JOIN LATERAL activity_rollups_ancestors(a.rollup_path) p
    CROSS JOIN LATERAL activity_rollups_dims(a.kind, a.organizer_kinds, a.topics) d(dim)
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 4, 3
    ON CONFLICT (unit_path, dim, month) DO UPDATE SET
      activities = r.activities + excluded.activities, attendees = r.attendees + excluded.attendees,
      households = r.households + excluded.households, students = r.students + excluded.students,
      leaflets = r.leaflets + excluded.leaflets, panels = r.panels + excluded.panels,
      slogans = r.slogans + excluded.slogans, broadcast_items = r.broadcast_items + excluded.broadcast_items,
      broadcast_hours = r.broadcast_hours + excluded.broadcast_hours;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER activity_rollups_insert AFTER INSERT ON activities REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION activity_rollups_maintain();
--> statement-breakpoint
CREATE TRIGGER activity_rollups_update AFTER UPDATE ON activities
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION activity_rollups_maintain();
--> statement-breakpoint
CREATE TRIGGER activity_rollups_delete AFTER DELETE ON activities REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION activity_rollups_maintain();
--> statement-breakpoint
-- Activities recorded before this migration (an existing data folder) are rolled up once here.
INSERT INTO activity_rollups (unit_path, depth, month, dim, activities, attendees, households,
  students, leaflets, panels, slogans, broadcast_items, broadcast_hours)
SELECT p.unit_path, p.depth, date_trunc('month', a.date)::date, d.dim, count(*), sum(a.attendees),
  sum(a.households), sum(a.students), sum(a.leaflets), sum(a.panels), sum(a.slogans),
  sum(a.broadcast_items), sum(a.broadcast_hours)
FROM activities a
CROSS JOIN LATERAL activity_rollups_ancestors(a.rollup_path) p
CROSS JOIN LATERAL activity_rollups_dims(a.kind, a.organizer_kinds, a.topics) d(dim)
GROUP BY 1, 2, 3, 4;
