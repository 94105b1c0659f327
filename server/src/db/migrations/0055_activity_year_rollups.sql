CREATE TABLE "activity_year_rollups" (
	"unit_path" text NOT NULL,
	"depth" smallint NOT NULL,
	"year" integer NOT NULL,
	"activities" integer DEFAULT 0 NOT NULL,
	"attendees" integer DEFAULT 0 NOT NULL,
	"households" integer DEFAULT 0 NOT NULL,
	"students" integer DEFAULT 0 NOT NULL,
	"leaflets" integer DEFAULT 0 NOT NULL,
	"panels" integer DEFAULT 0 NOT NULL,
	"slogans" integer DEFAULT 0 NOT NULL,
	"broadcast_items" integer DEFAULT 0 NOT NULL,
	"broadcast_hours" numeric(14, 2) DEFAULT '0' NOT NULL,
	CONSTRAINT "activity_year_rollups_unit_path_year_pk" PRIMARY KEY("unit_path","year")
);
--> statement-breakpoint
CREATE INDEX "activity_year_rollups_children_idx" ON "activity_year_rollups" USING btree ("depth","unit_path" text_pattern_ops,"year","activities","attendees","households","students","leaflets","panels","slogans","broadcast_items","broadcast_hours");--> statement-breakpoint
-- Yearly joint activity totals (dim "") beside the monthly rollups: a year read by children costs one
-- row per child instead of twelve. Kept by the same fold statement as activity_rollups
-- (activities.rollup-folder.ts) from the same pending changes; readers add what is pending.
CREATE VIEW activity_year_rollups_live AS
  SELECT unit_path, depth, year, activities, attendees, households, students, leaflets, panels, slogans,
    broadcast_items, broadcast_hours
  FROM activity_year_rollups
  UNION ALL
  SELECT p.unit_path, p.depth, extract(year from a.date)::integer, a.sign::integer,
    a.sign * a.attendees, a.sign * a.households, a.sign * a.students, a.sign * a.leaflets,
    a.sign * a.panels, a.sign * a.slogans, a.sign * a.broadcast_items,
    (a.sign * a.broadcast_hours)::numeric(14, 2)
  FROM activity_rollup_pending a
  CROSS JOIN LATERAL activity_rollups_ancestors(a.rollup_path) p;
--> statement-breakpoint
-- Backfill from the records. The changes still pending are not in the monthly rollups yet (the fold
-- adds them to both tables), so they are left out here too: table + pending = the records.
INSERT INTO activity_year_rollups (unit_path, depth, year, activities, attendees, households, students,
  leaflets, panels, slogans, broadcast_items, broadcast_hours)
SELECT x.unit_path, x.depth, x.year, sum(x.n), sum(x.attendees), sum(x.households), sum(x.students),
  sum(x.leaflets), sum(x.panels), sum(x.slogans), sum(x.broadcast_items), sum(x.broadcast_hours)
FROM (
  SELECT p.unit_path, p.depth, extract(year from a.date)::integer AS year, 1 AS n, a.attendees,
    a.households, a.students, a.leaflets, a.panels, a.slogans, a.broadcast_items, a.broadcast_hours
  FROM activities a CROSS JOIN LATERAL activity_rollups_ancestors(a.rollup_path) p
  UNION ALL
  SELECT p.unit_path, p.depth, extract(year from a.date)::integer, -a.sign, -a.sign * a.attendees,
    -a.sign * a.households, -a.sign * a.students, -a.sign * a.leaflets, -a.sign * a.panels,
    -a.sign * a.slogans, -a.sign * a.broadcast_items, -a.sign * a.broadcast_hours
  FROM activity_rollup_pending a CROSS JOIN LATERAL activity_rollups_ancestors(a.rollup_path) p
) x
GROUP BY 1, 2, 3;
--> statement-breakpoint
ALTER TABLE "activity_year_rollups" SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.02);
