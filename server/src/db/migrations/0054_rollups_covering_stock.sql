DROP INDEX "group_rollups_children_idx";--> statement-breakpoint
DROP INDEX "household_rollups_children_idx";--> statement-breakpoint
CREATE INDEX "group_rollups_children_idx" ON "group_rollups" USING btree ("depth","unit_path" text_pattern_ops,"day","type_code","groups","members");--> statement-breakpoint
CREATE INDEX "household_rollups_children_idx" ON "household_rollups" USING btree ("depth","unit_path" text_pattern_ops,"year","org","stock","extra","signed");--> statement-breakpoint
-- Index-only only on pages marked all-visible: the triggers update these rows with every write, so
-- vacuum after 1 % of the rows changed, not the default 20 %.
ALTER TABLE "group_rollups" SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.02);--> statement-breakpoint
ALTER TABLE "household_rollups" SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.02);
