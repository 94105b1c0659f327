CREATE TABLE "activity_rollup_pending" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"sign" smallint NOT NULL,
	"rollup_path" text NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"organizer_kinds" text[] NOT NULL,
	"topics" text[] NOT NULL,
	"attendees" integer NOT NULL,
	"households" integer NOT NULL,
	"students" integer NOT NULL,
	"leaflets" integer NOT NULL,
	"panels" integer NOT NULL,
	"slogans" integer NOT NULL,
	"broadcast_items" integer NOT NULL,
	"broadcast_hours" numeric(10, 2) NOT NULL
);
--> statement-breakpoint
-- Deferred activity rollups. The statement triggers on `activities` used to upsert the province
-- and commune rows of activity_rollups in the writer's own statement: ~10 rows per record, locked
-- until the writer committed, so every write of a province in the same month queued behind the
-- previous one's commit (no group commit) and paid the upsert on its request. Now the triggers
-- only append each changed record's figures to activity_rollup_pending (+1 new, -1 old); the
-- folder (activities.rollup-folder.ts, every process) folds committed pending rows into
-- activity_rollups in batches, deleting them in the same statement. Readers read
-- activity_rollups_live = the rollups plus what is pending, so figures stay exact at any moment.
CREATE OR REPLACE FUNCTION activity_rollups_maintain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO activity_rollup_pending (sign, rollup_path, date, kind, organizer_kinds, topics,
      attendees, households, students, leaflets, panels, slogans, broadcast_items, broadcast_hours)
    SELECT -1, o.rollup_path, o.date, o.kind, o.organizer_kinds, o.topics, o.attendees, o.households,
      o.students, o.leaflets, o.panels, o.slogans, o.broadcast_items, o.broadcast_hours
    FROM old_rows o;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO activity_rollup_pending (sign, rollup_path, date, kind, organizer_kinds, topics,
      attendees, households, students, leaflets, panels, slogans, broadcast_items, broadcast_hours)
    SELECT 1, n.rollup_path, n.date, n.kind, n.organizer_kinds, n.topics, n.attendees, n.households,
      n.students, n.leaflets, n.panels, n.slogans, n.broadcast_items, n.broadcast_hours
    FROM new_rows n;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE VIEW activity_rollups_live AS
  SELECT unit_path, depth, month, dim, activities, attendees, households, students, leaflets, panels,
    slogans, broadcast_items, broadcast_hours
  FROM activity_rollups
  UNION ALL
  SELECT p.unit_path, p.depth, date_trunc('month', a.date)::date, d.dim, a.sign::integer,
    a.sign * a.attendees, a.sign * a.households, a.sign * a.students, a.sign * a.leaflets,
    a.sign * a.panels, a.sign * a.slogans, a.sign * a.broadcast_items,
    (a.sign * a.broadcast_hours)::numeric(14, 2)
  FROM activity_rollup_pending a
  CROSS JOIN LATERAL activity_rollups_ancestors(a.rollup_path) p
  CROSS JOIN LATERAL activity_rollups_dims(a.kind, a.organizer_kinds, a.topics) d(dim);
