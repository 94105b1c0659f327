ALTER TABLE "activities" ADD COLUMN "broadcast_stations" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "broadcast_airings" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "broadcast_minutes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_airings_ck" CHECK ("activities"."broadcast_stations" >= 0 and "activities"."broadcast_airings" >= 0 and "activities"."broadcast_minutes" >= 0
        and ("activities"."broadcast_airings" = 0) = ("activities"."broadcast_minutes" = 0)
        and "activities"."broadcast_stations" <= greatest("activities"."broadcast_airings", 0)
        and ("activities"."broadcast_airings" = 0
          or "activities"."broadcast_hours" = round("activities"."broadcast_airings"::numeric * "activities"."broadcast_minutes" / 60, 2)));