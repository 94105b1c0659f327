CREATE TABLE "certification_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"unit_path" text NOT NULL,
	"rollup_path" text NOT NULL,
	"unit_type" text NOT NULL,
	"year" integer NOT NULL,
	"certified" boolean NOT NULL,
	"decision_number" text,
	"decision_date" date,
	"decision_authority" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "certification_history" ADD CONSTRAINT "certification_history_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_history" ADD CONSTRAINT "certification_history_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "certification_history_unit_year_uq" ON "certification_history" USING btree ("org_unit_id","year");--> statement-breakpoint
CREATE INDEX "certification_history_rollup_idx" ON "certification_history" USING btree ("rollup_path" text_pattern_ops,"year");