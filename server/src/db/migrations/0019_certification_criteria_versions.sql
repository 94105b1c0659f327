CREATE TABLE "certification_criteria_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_id" uuid,
	"label" text NOT NULL,
	"effective_from" date NOT NULL,
	"basis" text NOT NULL,
	"authorities" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "certification_cycles" ADD COLUMN "province_criteria_version_id" uuid;--> statement-breakpoint
ALTER TABLE "disqualifying_events" ADD COLUMN "discipline_level" text;--> statement-breakpoint
ALTER TABLE "certification_criteria_versions" ADD CONSTRAINT "certification_criteria_versions_province_id_org_units_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_criteria_versions" ADD CONSTRAINT "certification_criteria_versions_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "certification_criteria_versions_uq" ON "certification_criteria_versions" USING btree (coalesce("province_id"::text, ''),"effective_from");