CREATE TABLE "safe_family_rollups" (
	"unit_path" text NOT NULL,
	"depth" smallint NOT NULL,
	"year" integer NOT NULL,
	"recognised" integer DEFAULT 0 NOT NULL,
	"late" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "safe_family_rollups_unit_path_year_pk" PRIMARY KEY("unit_path","year")
);
--> statement-breakpoint
CREATE INDEX "safe_family_rollups_children_idx" ON "safe_family_rollups" USING btree ("depth","unit_path" text_pattern_ops);--> statement-breakpoint
-- Safe-family rollups (households.table.ts) kept current in the same transaction as every write,
-- like the household rollups (0011): statement-level triggers compute the deltas of the changed rows
-- and hand them to one upsert, in key order. A recognition's deltas depend on its household (unit,
-- registration, move-out) and on whether the household signed for that year: a change of either
-- re-derives them, and a household's deletion takes its recognitions out before the cascade.
CREATE TYPE safe_family_rollup_delta AS (rollup_path text, year int, recognised int, late int);
--> statement-breakpoint
-- A standing recognition for `year`: recognised (and late when registered after the year without a
-- commitment for it) unless the household had moved out by the end of the year.
CREATE FUNCTION safe_family_deltas(year int, created_at timestamptz, moved_out_on date, committed boolean)
RETURNS TABLE (recognised int, late int) LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT 1, (local_year(created_at) > year AND NOT committed)::int
  WHERE moved_out_on IS NULL OR extract(year FROM moved_out_on)::int > year
$$;
--> statement-breakpoint
CREATE FUNCTION safe_family_rollups_apply(deltas safe_family_rollup_delta[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO safe_family_rollups AS r (unit_path, depth, year, recognised, late)
  SELECT p.unit_path, p.depth, d.year, sum(d.recognised), sum(d.late)
  FROM unnest(deltas) d
  CROSS JOIN LATERAL activity_rollups_ancestors(d.rollup_path) p
  GROUP BY 1, 2, 3 ORDER BY 1, 3
  ON CONFLICT (unit_path, year) DO UPDATE SET recognised = r.recognised + excluded.recognised,
    late = r.late + excluded.late
$$;
--> statement-breakpoint
CREATE FUNCTION safe_family_committed(household_id uuid, year int) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM household_commitments c WHERE c.household_id = $1 AND c.year = $2)
$$;
--> statement-breakpoint
CREATE FUNCTION safe_family_rollups_recognitions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A recognition whose household is gone (deleted by cascade) was taken out before the delete.
  IF TG_OP = 'INSERT' THEN
    PERFORM safe_family_rollups_apply(ARRAY(
      SELECT row(h.rollup_path, s.year, d.recognised, d.late)::safe_family_rollup_delta
      FROM new_rows s JOIN households h ON h.id = s.household_id
      CROSS JOIN LATERAL safe_family_deltas(s.year, h.created_at, h.moved_out_on,
        safe_family_committed(h.id, s.year)) d
      WHERE s.withdrawn_on IS NULL));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM safe_family_rollups_apply(ARRAY(
      SELECT row(h.rollup_path, s.year, -d.recognised, -d.late)::safe_family_rollup_delta
      FROM old_rows s JOIN households h ON h.id = s.household_id
      CROSS JOIN LATERAL safe_family_deltas(s.year, h.created_at, h.moved_out_on,
        safe_family_committed(h.id, s.year)) d
      WHERE s.withdrawn_on IS NULL));
  ELSE
    PERFORM safe_family_rollups_apply(ARRAY(
      SELECT row(h.rollup_path, s.year, s.sg * d.recognised, s.sg * d.late)::safe_family_rollup_delta
      FROM (SELECT -1 AS sg, o.household_id, o.year, o.withdrawn_on FROM old_rows o
            UNION ALL SELECT 1, n.household_id, n.year, n.withdrawn_on FROM new_rows n) s
      JOIN households h ON h.id = s.household_id
      CROSS JOIN LATERAL safe_family_deltas(s.year, h.created_at, h.moved_out_on,
        safe_family_committed(h.id, s.year)) d
      WHERE s.withdrawn_on IS NULL));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION safe_family_rollups_households() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM safe_family_rollups_apply(ARRAY(
    WITH changed AS (
      SELECT -1 AS sg, o.id, o.rollup_path, o.created_at, o.moved_out_on FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o.rollup_path, o.created_at, o.moved_out_on) IS DISTINCT FROM (n.rollup_path, n.created_at, n.moved_out_on)
      UNION ALL
      SELECT 1 AS sg, n.id, n.rollup_path, n.created_at, n.moved_out_on FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (o.rollup_path, o.created_at, o.moved_out_on) IS DISTINCT FROM (n.rollup_path, n.created_at, n.moved_out_on))
    SELECT row(h.rollup_path, s.year, h.sg * d.recognised, h.sg * d.late)::safe_family_rollup_delta
    FROM changed h JOIN household_safe_families s ON s.household_id = h.id AND s.withdrawn_on IS NULL
    CROSS JOIN LATERAL safe_family_deltas(s.year, h.created_at, h.moved_out_on,
      safe_family_committed(h.id, s.year)) d));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION safe_family_rollups_before_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM safe_family_rollups_apply(ARRAY(
    SELECT row(OLD.rollup_path, s.year, -d.recognised, -d.late)::safe_family_rollup_delta
    FROM household_safe_families s
    CROSS JOIN LATERAL safe_family_deltas(s.year, OLD.created_at, OLD.moved_out_on,
      safe_family_committed(OLD.id, s.year)) d
    WHERE s.household_id = OLD.id AND s.withdrawn_on IS NULL));
  RETURN OLD;
END;
$$;
--> statement-breakpoint
-- A commitment signed (or removed) for a year changes `late` of that year's recognition, if any.
-- A commitment whose household is gone (deleted by cascade) was taken out before the delete.
CREATE FUNCTION safe_family_commitment_delta(sg int, household_id uuid, year int)
RETURNS safe_family_rollup_delta LANGUAGE sql STABLE AS $$
  SELECT row(h.rollup_path, $3, 0, -$1)::safe_family_rollup_delta
  FROM households h JOIN household_safe_families s ON s.household_id = h.id AND s.year = $3
    AND s.withdrawn_on IS NULL
  WHERE h.id = $2 AND local_year(h.created_at) > $3
    AND (h.moved_out_on IS NULL OR extract(year FROM h.moved_out_on)::int > $3)
$$;
--> statement-breakpoint
CREATE FUNCTION safe_family_rollups_commitments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM safe_family_rollups_apply(ARRAY(
      SELECT d FROM new_rows n CROSS JOIN LATERAL safe_family_commitment_delta(1, n.household_id, n.year) d
      WHERE d IS NOT NULL));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM safe_family_rollups_apply(ARRAY(
      SELECT d FROM old_rows o CROSS JOIN LATERAL safe_family_commitment_delta(-1, o.household_id, o.year) d
      WHERE d IS NOT NULL));
  ELSE
    PERFORM safe_family_rollups_apply(ARRAY(
      SELECT d FROM (SELECT -1 AS sg, o.household_id, o.year FROM old_rows o
                     UNION ALL SELECT 1, n.household_id, n.year FROM new_rows n) c
      CROSS JOIN LATERAL safe_family_commitment_delta(c.sg, c.household_id, c.year) d
      WHERE d IS NOT NULL));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER safe_family_rollups_insert AFTER INSERT ON household_safe_families REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION safe_family_rollups_recognitions();
--> statement-breakpoint
CREATE TRIGGER safe_family_rollups_update AFTER UPDATE ON household_safe_families
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION safe_family_rollups_recognitions();
--> statement-breakpoint
CREATE TRIGGER safe_family_rollups_delete AFTER DELETE ON household_safe_families REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION safe_family_rollups_recognitions();
--> statement-breakpoint
CREATE TRIGGER safe_family_rollups_update AFTER UPDATE ON households
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION safe_family_rollups_households();
--> statement-breakpoint
CREATE TRIGGER safe_family_rollups_before_delete BEFORE DELETE ON households
  FOR EACH ROW EXECUTE FUNCTION safe_family_rollups_before_delete();
--> statement-breakpoint
CREATE TRIGGER safe_family_rollups_insert AFTER INSERT ON household_commitments REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION safe_family_rollups_commitments();
--> statement-breakpoint
CREATE TRIGGER safe_family_rollups_update AFTER UPDATE ON household_commitments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION safe_family_rollups_commitments();
--> statement-breakpoint
CREATE TRIGGER safe_family_rollups_delete AFTER DELETE ON household_commitments REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION safe_family_rollups_commitments();
--> statement-breakpoint
-- Rebuilds from the records in one set-based statement (this migration's backfill; bulk loads that
-- disable the triggers): the same deltas and ancestors as the triggers.
CREATE FUNCTION safe_family_rollups_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM safe_family_rollups;
  INSERT INTO safe_family_rollups (unit_path, depth, year, recognised, late)
  SELECT p.unit_path, p.depth, s.year, sum(d.recognised), sum(d.late)
  FROM household_safe_families s JOIN households h ON h.id = s.household_id
  CROSS JOIN LATERAL safe_family_deltas(s.year, h.created_at, h.moved_out_on,
    safe_family_committed(h.id, s.year)) d
  CROSS JOIN LATERAL activity_rollups_ancestors(h.rollup_path) p
  WHERE s.withdrawn_on IS NULL
  GROUP BY 1, 2, 3;
END;
$$;
--> statement-breakpoint
SELECT safe_family_rollups_rebuild();
