-- Every place-bound record's province_id is the province of its rollup_path, as activities' has been
-- since 0062 (decisions 0014, 0018). The demo's records at pre-reform units (cases, plans) carried
-- the former province; they get today's, with the user triggers off: rollups, period locks and row
-- versions do not depend on the distribution key. The foreign keys stay.
ALTER TABLE "groups" DISABLE TRIGGER USER;--> statement-breakpoint
UPDATE "groups" SET "province_id" = nullif(split_part("rollup_path", '/', 3), '')::uuid
  WHERE "province_id"::text IS DISTINCT FROM nullif(split_part("rollup_path", '/', 3), '');--> statement-breakpoint
ALTER TABLE "groups" ENABLE TRIGGER USER;--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_province_ck" CHECK ("groups"."province_id"::text is not distinct from nullif(split_part("groups"."rollup_path", '/', 3), ''));--> statement-breakpoint
ALTER TABLE "group_duty_logs" DISABLE TRIGGER USER;--> statement-breakpoint
UPDATE "group_duty_logs" SET "province_id" = nullif(split_part("rollup_path", '/', 3), '')::uuid
  WHERE "province_id"::text IS DISTINCT FROM nullif(split_part("rollup_path", '/', 3), '');--> statement-breakpoint
ALTER TABLE "group_duty_logs" ENABLE TRIGGER USER;--> statement-breakpoint
ALTER TABLE "group_duty_logs" ADD CONSTRAINT "group_duty_logs_province_ck" CHECK ("group_duty_logs"."province_id"::text is not distinct from nullif(split_part("group_duty_logs"."rollup_path", '/', 3), ''));--> statement-breakpoint
ALTER TABLE "households" DISABLE TRIGGER USER;--> statement-breakpoint
UPDATE "households" SET "province_id" = nullif(split_part("rollup_path", '/', 3), '')::uuid
  WHERE "province_id"::text IS DISTINCT FROM nullif(split_part("rollup_path", '/', 3), '');--> statement-breakpoint
ALTER TABLE "households" ENABLE TRIGGER USER;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_province_ck" CHECK ("households"."province_id"::text is not distinct from nullif(split_part("households"."rollup_path", '/', 3), ''));--> statement-breakpoint
ALTER TABLE "plans" DISABLE TRIGGER USER;--> statement-breakpoint
UPDATE "plans" SET "province_id" = nullif(split_part("rollup_path", '/', 3), '')::uuid
  WHERE "province_id"::text IS DISTINCT FROM nullif(split_part("rollup_path", '/', 3), '');--> statement-breakpoint
ALTER TABLE "plans" ENABLE TRIGGER USER;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_province_ck" CHECK ("plans"."province_id"::text is not distinct from nullif(split_part("plans"."rollup_path", '/', 3), ''));--> statement-breakpoint
ALTER TABLE "cases" DISABLE TRIGGER USER;--> statement-breakpoint
UPDATE "cases" SET "province_id" = nullif(split_part("rollup_path", '/', 3), '')::uuid
  WHERE "province_id"::text IS DISTINCT FROM nullif(split_part("rollup_path", '/', 3), '');--> statement-breakpoint
ALTER TABLE "cases" ENABLE TRIGGER USER;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_province_ck" CHECK ("cases"."province_id"::text is not distinct from nullif(split_part("cases"."rollup_path", '/', 3), ''));--> statement-breakpoint
ALTER TABLE "hotspots" DISABLE TRIGGER USER;--> statement-breakpoint
UPDATE "hotspots" SET "province_id" = nullif(split_part("rollup_path", '/', 3), '')::uuid
  WHERE "province_id"::text IS DISTINCT FROM nullif(split_part("rollup_path", '/', 3), '');--> statement-breakpoint
ALTER TABLE "hotspots" ENABLE TRIGGER USER;--> statement-breakpoint
ALTER TABLE "hotspots" ADD CONSTRAINT "hotspots_province_ck" CHECK ("hotspots"."province_id"::text is not distinct from nullif(split_part("hotspots"."rollup_path", '/', 3), ''));--> statement-breakpoint
ALTER TABLE "supervisions" DISABLE TRIGGER USER;--> statement-breakpoint
UPDATE "supervisions" SET "province_id" = nullif(split_part("rollup_path", '/', 3), '')::uuid
  WHERE "province_id"::text IS DISTINCT FROM nullif(split_part("rollup_path", '/', 3), '');--> statement-breakpoint
ALTER TABLE "supervisions" ENABLE TRIGGER USER;--> statement-breakpoint
ALTER TABLE "supervisions" ADD CONSTRAINT "supervisions_province_ck" CHECK ("supervisions"."province_id"::text is not distinct from nullif(split_part("supervisions"."rollup_path", '/', 3), ''));--> statement-breakpoint
ALTER TABLE "commendations" DISABLE TRIGGER USER;--> statement-breakpoint
UPDATE "commendations" SET "province_id" = nullif(split_part("rollup_path", '/', 3), '')::uuid
  WHERE "province_id"::text IS DISTINCT FROM nullif(split_part("rollup_path", '/', 3), '');--> statement-breakpoint
ALTER TABLE "commendations" ENABLE TRIGGER USER;--> statement-breakpoint
ALTER TABLE "commendations" ADD CONSTRAINT "commendations_province_ck" CHECK ("commendations"."province_id"::text is not distinct from nullif(split_part("commendations"."rollup_path", '/', 3), ''));
