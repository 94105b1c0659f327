CREATE TABLE "group_year_rollups" (
	"unit_path" text NOT NULL,
	"depth" smallint NOT NULL,
	"year" integer NOT NULL,
	"groups" integer DEFAULT 0 NOT NULL,
	"members" integer DEFAULT 0 NOT NULL,
	"teams" integer DEFAULT 0 NOT NULL,
	"models" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "group_year_rollups_unit_path_year_pk" PRIMARY KEY("unit_path","year")
);
--> statement-breakpoint
CREATE INDEX "group_year_rollups_children_idx" ON "group_year_rollups" USING btree ("depth","unit_path" text_pattern_ops,"year","groups","members","teams","models");--> statement-breakpoint
-- Yearly group rollups beside the daily ones (groups.table.ts): the same deltas, summed per unit and
-- year without the type, `teams` and `models` by the type's category. group_rollups_apply, which
-- every group and member trigger calls, now upserts both tables in the writer's transaction.
CREATE OR REPLACE FUNCTION group_rollups_apply(deltas group_rollup_delta[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO group_rollups AS r (unit_path, depth, type_code, day, groups, members)
  SELECT p.unit_path, p.depth, d.type_code, d.day, sum(d.groups), sum(d.members)
  FROM unnest(deltas) d
  CROSS JOIN LATERAL activity_rollups_ancestors(d.rollup_path) p
  GROUP BY 1, 2, 3, 4 ORDER BY 1, 3, 4
  ON CONFLICT (unit_path, type_code, day) DO UPDATE SET groups = r.groups + excluded.groups,
    members = r.members + excluded.members;
  INSERT INTO group_year_rollups AS r (unit_path, depth, year, groups, members, teams, models)
  SELECT p.unit_path, p.depth, extract(year FROM d.day)::int, sum(d.groups), sum(d.members),
    coalesce(sum(d.groups) FILTER (WHERE t.category = 'team'), 0),
    coalesce(sum(d.groups) FILTER (WHERE t.category = 'model'), 0)
  FROM unnest(deltas) d
  LEFT JOIN group_types t ON t.code = d.type_code
  CROSS JOIN LATERAL activity_rollups_ancestors(d.rollup_path) p
  GROUP BY 1, 2, 3 ORDER BY 1, 3
  ON CONFLICT (unit_path, year) DO UPDATE SET groups = r.groups + excluded.groups,
    members = r.members + excluded.members, teams = r.teams + excluded.teams,
    models = r.models + excluded.models
$$;
--> statement-breakpoint
-- Recounts the yearly rows from the records: the same deltas as stock_rollups_rebuild's group part.
CREATE FUNCTION group_year_rollups_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM group_year_rollups;
  INSERT INTO group_year_rollups (unit_path, depth, year, groups, members, teams, models)
  SELECT p.unit_path, p.depth, extract(year FROM d.day)::int, sum(d.groups), sum(d.members),
    coalesce(sum(d.groups) FILTER (WHERE t.category = 'team'), 0),
    coalesce(sum(d.groups) FILTER (WHERE t.category = 'model'), 0)
  FROM (
    SELECT g.rollup_path, g.type_code, l.day, l.n AS groups, 0 AS members
    FROM groups g CROSS JOIN LATERAL life_deltas(g.founded_on, g.dissolved_on) l
    UNION ALL
    SELECT g.rollup_path, g.type_code, l.day, 0, l.n
    FROM group_members m JOIN groups g ON g.id = m.group_id
    CROSS JOIN LATERAL life_deltas(greatest(g.founded_on, m.joined_on), least(g.dissolved_on, m.left_on)) l) d
  LEFT JOIN group_types t ON t.code = d.type_code
  CROSS JOIN LATERAL activity_rollups_ancestors(d.rollup_path) p
  GROUP BY 1, 2, 3;
END;
$$;
--> statement-breakpoint
SELECT group_year_rollups_rebuild();
--> statement-breakpoint
-- Bulk loads and repairs rebuild the yearly rows with the others.
CREATE OR REPLACE FUNCTION stock_rollups_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM household_rollups;
  INSERT INTO household_rollups (unit_path, depth, year, org, stock, extra, signed)
  SELECT p.unit_path, p.depth, d.year, o.org, sum(d.stock), sum(d.extra), sum(d.signed)
  FROM (
    SELECT h.rollup_path, h.member_orgs, y.year, y.n AS stock, 0 AS extra, 0 AS signed
    FROM households h CROSS JOIN LATERAL household_stock_deltas(h.created_at, h.moved_out_on) y
    UNION ALL
    SELECT h.rollup_path, h.member_orgs, c.year, 0, x.extra, x.signed
    FROM household_commitments c JOIN households h ON h.id = c.household_id
    CROSS JOIN LATERAL household_commitment_deltas(c.year, h.created_at, h.moved_out_on) x) d
  CROSS JOIN LATERAL activity_rollups_ancestors(d.rollup_path) p
  CROSS JOIN LATERAL (SELECT '' UNION ALL SELECT '*' WHERE cardinality(d.member_orgs) > 0
    UNION ALL SELECT unnest(d.member_orgs)) o(org)
  GROUP BY 1, 2, 3, 4;
  DELETE FROM group_rollups;
  INSERT INTO group_rollups (unit_path, depth, type_code, day, groups, members)
  SELECT p.unit_path, p.depth, d.type_code, d.day, sum(d.groups), sum(d.members)
  FROM (
    SELECT g.rollup_path, g.type_code, l.day, l.n AS groups, 0 AS members
    FROM groups g CROSS JOIN LATERAL life_deltas(g.founded_on, g.dissolved_on) l
    UNION ALL
    SELECT g.rollup_path, g.type_code, l.day, 0, l.n
    FROM group_members m JOIN groups g ON g.id = m.group_id
    CROSS JOIN LATERAL life_deltas(greatest(g.founded_on, m.joined_on), least(g.dissolved_on, m.left_on)) l) d
  CROSS JOIN LATERAL activity_rollups_ancestors(d.rollup_path) p
  GROUP BY 1, 2, 3, 4;
  PERFORM group_year_rollups_rebuild();
END;
$$;
--> statement-breakpoint
-- `teams` and `models` follow the category a type had when the deltas were applied: a type's
-- category may not change while groups use it.
CREATE FUNCTION group_types_category_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.category IS DISTINCT FROM OLD.category AND EXISTS (SELECT 1 FROM groups g WHERE g.type_code = OLD.code) THEN
    RAISE EXCEPTION 'group type % is used by groups: its category cannot change', OLD.code
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER group_types_category_fixed BEFORE UPDATE OF category ON group_types
  FOR EACH ROW EXECUTE FUNCTION group_types_category_fixed();
--> statement-breakpoint
ALTER TABLE "group_year_rollups" SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.02);
