CREATE TABLE "group_rollups" (
	"unit_path" text NOT NULL,
	"depth" smallint NOT NULL,
	"type_code" text NOT NULL,
	"day" date NOT NULL,
	"groups" integer DEFAULT 0 NOT NULL,
	"members" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "group_rollups_unit_path_type_code_day_pk" PRIMARY KEY("unit_path","type_code","day")
);
--> statement-breakpoint
CREATE TABLE "household_rollups" (
	"unit_path" text NOT NULL,
	"depth" smallint NOT NULL,
	"year" integer NOT NULL,
	"org" text NOT NULL,
	"stock" integer DEFAULT 0 NOT NULL,
	"extra" integer DEFAULT 0 NOT NULL,
	"signed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "household_rollups_unit_path_org_year_pk" PRIMARY KEY("unit_path","org","year")
);
--> statement-breakpoint
CREATE INDEX "group_rollups_children_idx" ON "group_rollups" USING btree ("depth","unit_path" text_pattern_ops,"day");--> statement-breakpoint
CREATE INDEX "household_rollups_children_idx" ON "household_rollups" USING btree ("depth","unit_path" text_pattern_ops);--> statement-breakpoint
-- Household and group rollups (see indicators.table.ts) kept current in the same transaction as
-- every write, like the activity rollups (0009): statement-level triggers compute the deltas of the
-- changed rows and hand them to one upsert per table, in key order. A household's commitment deltas
-- depend on the household (its years, unit and organisations), a member's on its group (the group's
-- life bounds the member's): a change of the parent re-derives its children's deltas, and a parent's
-- deletion takes its children's deltas out before the cascade removes them.
CREATE FUNCTION local_year(ts timestamptz) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT extract(year FROM (ts AT TIME ZONE 'UTC') + interval '7 hours')::int
$$;
--> statement-breakpoint
CREATE TYPE household_rollup_delta AS (rollup_path text, member_orgs text[], year int, stock int, extra int, signed int);
--> statement-breakpoint
CREATE TYPE group_rollup_delta AS (rollup_path text, type_code text, day date, groups int, members int);
--> statement-breakpoint
-- Registered households: +1 in the registration year, −1 in the move-out year (if later).
CREATE FUNCTION household_stock_deltas(created_at timestamptz, moved_out_on date)
RETURNS TABLE (year int, n int) LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT y.year, y.n FROM (VALUES (local_year(created_at), 1), (extract(year FROM moved_out_on)::int, -1)) y(year, n)
  WHERE (moved_out_on IS NULL AND y.n = 1)
     OR (moved_out_on IS NOT NULL AND extract(year FROM moved_out_on)::int > local_year(created_at))
$$;
--> statement-breakpoint
-- A commitment for `year`: signed (and, when registered later, an extra household) unless moved out by then.
CREATE FUNCTION household_commitment_deltas(year int, created_at timestamptz, moved_out_on date)
RETURNS TABLE (extra int, signed int) LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (year < local_year(created_at))::int, 1
  WHERE moved_out_on IS NULL OR year < extract(year FROM moved_out_on)::int
$$;
--> statement-breakpoint
-- The life of a group or a member: +1 on the first day, −1 on the end day (exclusive), if any.
CREATE FUNCTION life_deltas(first_day date, end_day date)
RETURNS TABLE (day date, n int) LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT first_day, 1 WHERE end_day IS NULL OR end_day > first_day
  UNION ALL SELECT end_day, -1 WHERE end_day IS NOT NULL AND end_day > first_day
$$;
--> statement-breakpoint
CREATE FUNCTION household_rollups_apply(deltas household_rollup_delta[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO household_rollups AS r (unit_path, depth, year, org, stock, extra, signed)
  SELECT p.unit_path, p.depth, d.year, o.org, sum(d.stock), sum(d.extra), sum(d.signed)
  FROM unnest(deltas) d
  CROSS JOIN LATERAL activity_rollups_ancestors(d.rollup_path) p
  CROSS JOIN LATERAL (SELECT '' UNION ALL SELECT '*' WHERE cardinality(d.member_orgs) > 0
    UNION ALL SELECT unnest(d.member_orgs)) o(org)
  GROUP BY 1, 2, 3, 4 ORDER BY 1, 4, 3
  ON CONFLICT (unit_path, org, year) DO UPDATE SET stock = r.stock + excluded.stock,
    extra = r.extra + excluded.extra, signed = r.signed + excluded.signed
$$;
--> statement-breakpoint
CREATE FUNCTION group_rollups_apply(deltas group_rollup_delta[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO group_rollups AS r (unit_path, depth, type_code, day, groups, members)
  SELECT p.unit_path, p.depth, d.type_code, d.day, sum(d.groups), sum(d.members)
  FROM unnest(deltas) d
  CROSS JOIN LATERAL activity_rollups_ancestors(d.rollup_path) p
  GROUP BY 1, 2, 3, 4 ORDER BY 1, 3, 4
  ON CONFLICT (unit_path, type_code, day) DO UPDATE SET groups = r.groups + excluded.groups,
    members = r.members + excluded.members
$$;
--> statement-breakpoint
CREATE FUNCTION household_rollups_households() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- Commitments cannot exist before their household; those inserted by the same statement are
    -- counted by the commitments trigger.
    PERFORM household_rollups_apply(ARRAY(
      SELECT row(h.rollup_path, h.member_orgs, y.year, y.n, 0, 0)::household_rollup_delta
      FROM new_rows h CROSS JOIN LATERAL household_stock_deltas(h.created_at, h.moved_out_on) y));
  ELSIF TG_OP = 'DELETE' THEN
    -- Commitment deltas were taken out row by row before the delete (households_rollups_before_delete).
    PERFORM household_rollups_apply(ARRAY(
      SELECT row(h.rollup_path, h.member_orgs, y.year, -y.n, 0, 0)::household_rollup_delta
      FROM old_rows h CROSS JOIN LATERAL household_stock_deltas(h.created_at, h.moved_out_on) y));
  ELSE
    PERFORM household_rollups_apply(ARRAY(
      WITH changed AS (
        SELECT -1 AS s, o.* FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (o.rollup_path, o.member_orgs, o.created_at, o.moved_out_on)
          IS DISTINCT FROM (n.rollup_path, n.member_orgs, n.created_at, n.moved_out_on)
        UNION ALL
        SELECT 1 AS s, n.* FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (o.rollup_path, o.member_orgs, o.created_at, o.moved_out_on)
          IS DISTINCT FROM (n.rollup_path, n.member_orgs, n.created_at, n.moved_out_on))
      SELECT row(h.rollup_path, h.member_orgs, y.year, h.s * y.n, 0, 0)::household_rollup_delta
      FROM changed h CROSS JOIN LATERAL household_stock_deltas(h.created_at, h.moved_out_on) y
      UNION ALL
      SELECT row(h.rollup_path, h.member_orgs, c.year, 0, h.s * d.extra, h.s * d.signed)::household_rollup_delta
      FROM changed h JOIN household_commitments c ON c.household_id = h.id
      CROSS JOIN LATERAL household_commitment_deltas(c.year, h.created_at, h.moved_out_on) d));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION household_rollups_before_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM household_rollups_apply(ARRAY(
    SELECT row(OLD.rollup_path, OLD.member_orgs, c.year, 0, -d.extra, -d.signed)::household_rollup_delta
    FROM household_commitments c
    CROSS JOIN LATERAL household_commitment_deltas(c.year, OLD.created_at, OLD.moved_out_on) d
    WHERE c.household_id = OLD.id));
  RETURN OLD;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION household_rollups_commitments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A commitment whose household is gone (deleted by cascade) was taken out before the delete.
  IF TG_OP = 'INSERT' THEN
    PERFORM household_rollups_apply(ARRAY(
      SELECT row(h.rollup_path, h.member_orgs, c.year, 0, d.extra, d.signed)::household_rollup_delta
      FROM new_rows c JOIN households h ON h.id = c.household_id
      CROSS JOIN LATERAL household_commitment_deltas(c.year, h.created_at, h.moved_out_on) d));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM household_rollups_apply(ARRAY(
      SELECT row(h.rollup_path, h.member_orgs, c.year, 0, -d.extra, -d.signed)::household_rollup_delta
      FROM old_rows c JOIN households h ON h.id = c.household_id
      CROSS JOIN LATERAL household_commitment_deltas(c.year, h.created_at, h.moved_out_on) d));
  ELSE
    PERFORM household_rollups_apply(ARRAY(
      SELECT row(h.rollup_path, h.member_orgs, c.year, 0, c.s * d.extra, c.s * d.signed)::household_rollup_delta
      FROM (SELECT -1 AS s, o.household_id, o.year FROM old_rows o
            UNION ALL SELECT 1, n.household_id, n.year FROM new_rows n) c
      JOIN households h ON h.id = c.household_id
      CROSS JOIN LATERAL household_commitment_deltas(c.year, h.created_at, h.moved_out_on) d));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION group_rollups_groups() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- Members cannot exist before their group; those inserted by the same statement are counted
    -- by the members trigger.
    PERFORM group_rollups_apply(ARRAY(
      SELECT row(g.rollup_path, g.type_code, l.day, l.n, 0)::group_rollup_delta
      FROM new_rows g CROSS JOIN LATERAL life_deltas(g.founded_on, g.dissolved_on) l));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM group_rollups_apply(ARRAY(
      SELECT row(g.rollup_path, g.type_code, l.day, -l.n, 0)::group_rollup_delta
      FROM old_rows g CROSS JOIN LATERAL life_deltas(g.founded_on, g.dissolved_on) l));
  ELSE
    PERFORM group_rollups_apply(ARRAY(
      WITH changed AS (
        SELECT -1 AS s, o.* FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (o.rollup_path, o.type_code, o.founded_on, o.dissolved_on)
          IS DISTINCT FROM (n.rollup_path, n.type_code, n.founded_on, n.dissolved_on)
        UNION ALL
        SELECT 1 AS s, n.* FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (o.rollup_path, o.type_code, o.founded_on, o.dissolved_on)
          IS DISTINCT FROM (n.rollup_path, n.type_code, n.founded_on, n.dissolved_on))
      SELECT row(g.rollup_path, g.type_code, l.day, g.s * l.n, 0)::group_rollup_delta
      FROM changed g CROSS JOIN LATERAL life_deltas(g.founded_on, g.dissolved_on) l
      UNION ALL
      SELECT row(g.rollup_path, g.type_code, l.day, 0, g.s * l.n)::group_rollup_delta
      FROM changed g JOIN group_members m ON m.group_id = g.id
      CROSS JOIN LATERAL life_deltas(greatest(g.founded_on, m.joined_on), least(g.dissolved_on, m.left_on)) l));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION group_rollups_before_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM group_rollups_apply(ARRAY(
    SELECT row(OLD.rollup_path, OLD.type_code, l.day, 0, -l.n)::group_rollup_delta
    FROM group_members m
    CROSS JOIN LATERAL life_deltas(greatest(OLD.founded_on, m.joined_on), least(OLD.dissolved_on, m.left_on)) l
    WHERE m.group_id = OLD.id));
  RETURN OLD;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION group_rollups_members() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM group_rollups_apply(ARRAY(
      SELECT row(g.rollup_path, g.type_code, l.day, 0, l.n)::group_rollup_delta
      FROM new_rows m JOIN groups g ON g.id = m.group_id
      CROSS JOIN LATERAL life_deltas(greatest(g.founded_on, m.joined_on), least(g.dissolved_on, m.left_on)) l));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM group_rollups_apply(ARRAY(
      SELECT row(g.rollup_path, g.type_code, l.day, 0, -l.n)::group_rollup_delta
      FROM old_rows m JOIN groups g ON g.id = m.group_id
      CROSS JOIN LATERAL life_deltas(greatest(g.founded_on, m.joined_on), least(g.dissolved_on, m.left_on)) l));
  ELSE
    PERFORM group_rollups_apply(ARRAY(
      SELECT row(g.rollup_path, g.type_code, l.day, 0, m.s * l.n)::group_rollup_delta
      FROM (SELECT -1 AS s, o.group_id, o.joined_on, o.left_on FROM old_rows o
            UNION ALL SELECT 1, n.group_id, n.joined_on, n.left_on FROM new_rows n) m
      JOIN groups g ON g.id = m.group_id
      CROSS JOIN LATERAL life_deltas(greatest(g.founded_on, m.joined_on), least(g.dissolved_on, m.left_on)) l));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER household_rollups_insert AFTER INSERT ON households REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION household_rollups_households();
--> statement-breakpoint
CREATE TRIGGER household_rollups_update AFTER UPDATE ON households
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION household_rollups_households();
--> statement-breakpoint
CREATE TRIGGER household_rollups_delete AFTER DELETE ON households REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION household_rollups_households();
--> statement-breakpoint
CREATE TRIGGER household_rollups_before_delete BEFORE DELETE ON households
  FOR EACH ROW EXECUTE FUNCTION household_rollups_before_delete();
--> statement-breakpoint
CREATE TRIGGER household_rollups_insert AFTER INSERT ON household_commitments REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION household_rollups_commitments();
--> statement-breakpoint
CREATE TRIGGER household_rollups_update AFTER UPDATE ON household_commitments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION household_rollups_commitments();
--> statement-breakpoint
CREATE TRIGGER household_rollups_delete AFTER DELETE ON household_commitments REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION household_rollups_commitments();
--> statement-breakpoint
CREATE TRIGGER group_rollups_insert AFTER INSERT ON groups REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION group_rollups_groups();
--> statement-breakpoint
CREATE TRIGGER group_rollups_update AFTER UPDATE ON groups
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION group_rollups_groups();
--> statement-breakpoint
CREATE TRIGGER group_rollups_delete AFTER DELETE ON groups REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION group_rollups_groups();
--> statement-breakpoint
CREATE TRIGGER group_rollups_before_delete BEFORE DELETE ON groups
  FOR EACH ROW EXECUTE FUNCTION group_rollups_before_delete();
--> statement-breakpoint
CREATE TRIGGER group_rollups_insert AFTER INSERT ON group_members REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION group_rollups_members();
--> statement-breakpoint
CREATE TRIGGER group_rollups_update AFTER UPDATE ON group_members
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION group_rollups_members();
--> statement-breakpoint
CREATE TRIGGER group_rollups_delete AFTER DELETE ON group_members REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION group_rollups_members();
--> statement-breakpoint
-- Rebuilds both from the records in set-based statements (this migration's backfill; bulk loads
-- that disable the triggers): the same deltas and ancestors as the triggers.
CREATE FUNCTION stock_rollups_rebuild() RETURNS void LANGUAGE plpgsql AS $$
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
END;
$$;
--> statement-breakpoint
SELECT stock_rollups_rebuild();
