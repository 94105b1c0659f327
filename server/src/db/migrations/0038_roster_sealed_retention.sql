CREATE TABLE "retention_rules" (
	"kind" text PRIMARY KEY NOT NULL,
	"period_months" integer NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"last_run_on" date,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "group_members" ALTER COLUMN "full_name" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "group_members" ADD COLUMN "full_name_sealed" "bytea";--> statement-breakpoint
ALTER TABLE "group_members" ADD COLUMN "name_index" text;--> statement-breakpoint
ALTER TABLE "group_members" ADD COLUMN "ethnicity_sealed" "bytea";--> statement-breakpoint
ALTER TABLE "group_members" ADD COLUMN "religion_sealed" "bytea";--> statement-breakpoint
ALTER TABLE "group_members" ADD COLUMN "notes_sealed" "bytea";--> statement-breakpoint
ALTER TABLE "group_members" ADD COLUMN "deidentified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "retention_rules" ADD CONSTRAINT "retention_rules_updated_by_accounts_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "group_members_name_idx" ON "group_members" USING btree ("name_index");--> statement-breakpoint
CREATE INDEX "group_members_left_idx" ON "group_members" USING btree ("left_on") WHERE "group_members"."deidentified_at" is null;