DROP INDEX "activity_rollups_children_idx";--> statement-breakpoint
CREATE INDEX "activity_rollups_children_idx" ON "activity_rollups" USING btree ("depth","dim","unit_path" text_pattern_ops,"month","activities","attendees","households","students","leaflets","panels","slogans","broadcast_items","broadcast_hours");--> statement-breakpoint
-- The children read is index-only only on pages marked all-visible: the folder updates rows all day,
-- so vacuum this table after 1 % of its rows changed, not the default 20 %.
ALTER TABLE "activity_rollups" SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.02);
