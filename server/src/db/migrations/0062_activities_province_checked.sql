-- province_id is the province of rollup_path (decision 0014), checked against the path instead of
-- by a foreign key, which accepted any unit (decision 0018).
ALTER TABLE "activities" DROP CONSTRAINT "activities_province_id_org_units_id_fk";--> statement-breakpoint
-- The demo's records at pre-reform communes carried the former province; they get today's, with
-- the user triggers off: the figures, the period locks and the row versions do not depend on it.
ALTER TABLE "activities" DISABLE TRIGGER USER;--> statement-breakpoint
UPDATE "activities" SET "province_id" = nullif(split_part("rollup_path", '/', 3), '')::uuid
  WHERE "province_id"::text IS DISTINCT FROM nullif(split_part("rollup_path", '/', 3), '');--> statement-breakpoint
ALTER TABLE "activities" ENABLE TRIGGER USER;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_province_ck" CHECK ("activities"."province_id"::text is not distinct from nullif(split_part("activities"."rollup_path", '/', 3), ''));
