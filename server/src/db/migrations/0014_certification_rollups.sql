CREATE TABLE "certification_rollups" (
	"unit_path" text NOT NULL,
	"depth" smallint NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"units" integer DEFAULT 0 NOT NULL,
	"cycles" integer DEFAULT 0 NOT NULL,
	"recognised" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "certification_rollups_unit_path_kind_year_pk" PRIMARY KEY("unit_path","kind","year")
);
--> statement-breakpoint
CREATE INDEX "certification_rollups_children_idx" ON "certification_rollups" USING btree ("depth","unit_path" text_pattern_ops,"year");--> statement-breakpoint
-- Certification counts (see indicators.table.ts) kept in the same transaction as every write to
-- org_units and certification_cycles. Only units of the certified kinds that are current
-- (valid_to is null) count, as in certificationRate. A unit whose path, kind or validity changes
-- takes its cycles along; unit rows cannot be deleted while cycles refer to them.
CREATE FUNCTION certification_rollups_apply(rows_in jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO certification_rollups AS r (unit_path, depth, kind, year, units, cycles, recognised)
  SELECT p.unit_path, p.depth, d.kind, d.year, sum(d.units), sum(d.cycles), sum(d.recognised)
  FROM jsonb_to_recordset(rows_in) AS d(path text, kind text, year int, units int, cycles int, recognised int)
  CROSS JOIN LATERAL activity_rollups_ancestors(d.path) p
  GROUP BY 1, 2, 3, 4 ORDER BY 1, 3, 4
  ON CONFLICT (unit_path, kind, year) DO UPDATE SET units = r.units + excluded.units,
    cycles = r.cycles + excluded.cycles, recognised = r.recognised + excluded.recognised
$$;
--> statement-breakpoint
CREATE FUNCTION certification_rollups_units() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM certification_rollups_apply((
      SELECT coalesce(jsonb_agg(jsonb_build_object('path', u.path, 'kind', u.kind, 'year', 0,
        'units', 1, 'cycles', 0, 'recognised', 0)), '[]')
      FROM new_rows u WHERE u.valid_to IS NULL
        AND u.kind IN ('residential_area', 'commune', 'agency', 'enterprise', 'school')));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM certification_rollups_apply((
      SELECT coalesce(jsonb_agg(jsonb_build_object('path', u.path, 'kind', u.kind, 'year', 0,
        'units', -1, 'cycles', 0, 'recognised', 0)), '[]')
      FROM old_rows u WHERE u.valid_to IS NULL
        AND u.kind IN ('residential_area', 'commune', 'agency', 'enterprise', 'school')));
  ELSE
    PERFORM certification_rollups_apply((
      WITH changed AS (
        SELECT -1 AS s, o.id, o.path, o.kind FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (o.path, o.kind, o.valid_to IS NULL) IS DISTINCT FROM (n.path, n.kind, n.valid_to IS NULL)
          AND o.valid_to IS NULL AND o.kind IN ('residential_area', 'commune', 'agency', 'enterprise', 'school')
        UNION ALL
        SELECT 1, n.id, n.path, n.kind FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (o.path, o.kind, o.valid_to IS NULL) IS DISTINCT FROM (n.path, n.kind, n.valid_to IS NULL)
          AND n.valid_to IS NULL AND n.kind IN ('residential_area', 'commune', 'agency', 'enterprise', 'school'))
      SELECT coalesce(jsonb_agg(x), '[]') FROM (
        SELECT jsonb_build_object('path', u.path, 'kind', u.kind, 'year', 0, 'units', u.s, 'cycles', 0,
          'recognised', 0) AS x FROM changed u
        UNION ALL
        SELECT jsonb_build_object('path', u.path, 'kind', u.kind, 'year', c.year, 'units', 0, 'cycles', u.s,
          'recognised', CASE WHEN c.status = 'recognised' THEN u.s ELSE 0 END)
        FROM changed u JOIN certification_cycles c ON c.org_unit_id = u.id) y));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION certification_rollups_cycles() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM certification_rollups_apply((
      SELECT coalesce(jsonb_agg(jsonb_build_object('path', u.path, 'kind', u.kind, 'year', c.year,
        'units', 0, 'cycles', 1, 'recognised', (c.status = 'recognised')::int)), '[]')
      FROM new_rows c JOIN org_units u ON u.id = c.org_unit_id
      WHERE u.valid_to IS NULL AND u.kind IN ('residential_area', 'commune', 'agency', 'enterprise', 'school')));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM certification_rollups_apply((
      SELECT coalesce(jsonb_agg(jsonb_build_object('path', u.path, 'kind', u.kind, 'year', c.year,
        'units', 0, 'cycles', -1, 'recognised', -(c.status = 'recognised')::int)), '[]')
      FROM old_rows c JOIN org_units u ON u.id = c.org_unit_id
      WHERE u.valid_to IS NULL AND u.kind IN ('residential_area', 'commune', 'agency', 'enterprise', 'school')));
  ELSE
    PERFORM certification_rollups_apply((
      SELECT coalesce(jsonb_agg(jsonb_build_object('path', u.path, 'kind', u.kind, 'year', c.year,
        'units', 0, 'cycles', c.s, 'recognised', c.s * (c.status = 'recognised')::int)), '[]')
      FROM (SELECT -1 AS s, o.org_unit_id, o.year, o.status FROM old_rows o
            UNION ALL SELECT 1, n.org_unit_id, n.year, n.status FROM new_rows n) c
      JOIN org_units u ON u.id = c.org_unit_id
      WHERE u.valid_to IS NULL AND u.kind IN ('residential_area', 'commune', 'agency', 'enterprise', 'school')));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER certification_rollups_insert AFTER INSERT ON org_units REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION certification_rollups_units();
--> statement-breakpoint
CREATE TRIGGER certification_rollups_update AFTER UPDATE ON org_units
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION certification_rollups_units();
--> statement-breakpoint
CREATE TRIGGER certification_rollups_delete AFTER DELETE ON org_units REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION certification_rollups_units();
--> statement-breakpoint
CREATE TRIGGER certification_rollups_insert AFTER INSERT ON certification_cycles REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION certification_rollups_cycles();
--> statement-breakpoint
CREATE TRIGGER certification_rollups_update AFTER UPDATE ON certification_cycles
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION certification_rollups_cycles();
--> statement-breakpoint
CREATE TRIGGER certification_rollups_delete AFTER DELETE ON certification_cycles REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION certification_rollups_cycles();
--> statement-breakpoint
-- Rebuilds the counts from the records (this migration's backfill; bulk loads of units).
CREATE FUNCTION certification_rollups_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM certification_rollups;
  INSERT INTO certification_rollups (unit_path, depth, kind, year, units, cycles, recognised)
  SELECT p.unit_path, p.depth, d.kind, d.year, sum(d.units), sum(d.cycles), sum(d.recognised)
  FROM (
    SELECT u.path, u.kind, 0 AS year, 1 AS units, 0 AS cycles, 0 AS recognised FROM org_units u
    WHERE u.valid_to IS NULL AND u.kind IN ('residential_area', 'commune', 'agency', 'enterprise', 'school')
    UNION ALL
    SELECT u.path, u.kind, c.year, 0, 1, (c.status = 'recognised')::int
    FROM certification_cycles c JOIN org_units u ON u.id = c.org_unit_id
    WHERE u.valid_to IS NULL AND u.kind IN ('residential_area', 'commune', 'agency', 'enterprise', 'school')) d
  CROSS JOIN LATERAL activity_rollups_ancestors(d.path) p
  GROUP BY 1, 2, 3, 4;
END;
$$;
--> statement-breakpoint
SELECT certification_rollups_rebuild();
