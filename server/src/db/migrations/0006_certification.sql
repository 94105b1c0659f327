CREATE TABLE "certification_criteria" (
	"code" text NOT NULL,
	"version" text NOT NULL,
	"unit_type" text NOT NULL,
	"article" text NOT NULL,
	"title_vi" text NOT NULL,
	"title_en" text NOT NULL,
	"evidence_key" text,
	"province_id" uuid,
	"sort_order" integer NOT NULL,
	CONSTRAINT "certification_criteria_version_code_pk" PRIMARY KEY("version","code")
);
--> statement-breakpoint
CREATE TABLE "certification_cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"province_id" uuid,
	"unit_path" text NOT NULL,
	"unit_type" text NOT NULL,
	"year" integer NOT NULL,
	"status" text NOT NULL,
	"criteria_version" text NOT NULL,
	"window_from" date NOT NULL,
	"window_to" date NOT NULL,
	"decision_deadline" date NOT NULL,
	"recognising_authority" text NOT NULL,
	"authority_verified" boolean NOT NULL,
	"registered_on" date NOT NULL,
	"party_resolution" boolean NOT NULL,
	"plan_adopted" boolean DEFAULT false NOT NULL,
	"households_registered" integer,
	"notes" text,
	"self_assessment" jsonb,
	"review_meeting" jsonb,
	"appraisal" jsonb,
	"decision" jsonb,
	"decision_number" text,
	"decision_date" date,
	"certificate_code" text,
	"classification" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certification_documents" (
	"cycle_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_path" text NOT NULL,
	"mime_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certification_documents_cycle_id_kind_pk" PRIMARY KEY("cycle_id","kind")
);
--> statement-breakpoint
CREATE TABLE "certification_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_type" text NOT NULL,
	"province_id" uuid,
	"window_start" text NOT NULL,
	"window_end" text NOT NULL,
	"registration_deadline" text NOT NULL,
	"decision_deadline" text NOT NULL,
	"recognising_authority" text NOT NULL,
	"authority_verified" boolean NOT NULL,
	"child_recognised_threshold" numeric,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disqualifying_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"province_id" uuid,
	"unit_path" text NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"severity" text NOT NULL,
	"force_majeure" boolean NOT NULL,
	"reported_promptly" boolean NOT NULL,
	"description" text NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "movement_scoring_sheets" (
	"code" text PRIMARY KEY NOT NULL,
	"version" text NOT NULL,
	"name_vi" text NOT NULL,
	"source" text NOT NULL,
	"verified" boolean NOT NULL,
	"criteria" jsonb NOT NULL,
	"thresholds" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "certification_criteria" ADD CONSTRAINT "certification_criteria_province_id_org_units_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_cycles" ADD CONSTRAINT "certification_cycles_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_cycles" ADD CONSTRAINT "certification_cycles_province_id_org_units_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_cycles" ADD CONSTRAINT "certification_cycles_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_documents" ADD CONSTRAINT "certification_documents_cycle_id_certification_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."certification_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_documents" ADD CONSTRAINT "certification_documents_uploaded_by_accounts_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_rules" ADD CONSTRAINT "certification_rules_province_id_org_units_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disqualifying_events" ADD CONSTRAINT "disqualifying_events_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disqualifying_events" ADD CONSTRAINT "disqualifying_events_province_id_org_units_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disqualifying_events" ADD CONSTRAINT "disqualifying_events_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "certification_cycles_unit_year_uq" ON "certification_cycles" USING btree ("org_unit_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "certification_cycles_code_uq" ON "certification_cycles" USING btree ("certificate_code");--> statement-breakpoint
CREATE INDEX "certification_cycles_path_idx" ON "certification_cycles" USING btree ("unit_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "certification_cycles_year_idx" ON "certification_cycles" USING btree ("year","unit_type","status");--> statement-breakpoint
CREATE UNIQUE INDEX "certification_rules_uq" ON "certification_rules" USING btree ("unit_type",coalesce("province_id"::text, ''));--> statement-breakpoint
CREATE INDEX "disqualifying_events_path_idx" ON "disqualifying_events" USING btree ("unit_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "disqualifying_events_unit_idx" ON "disqualifying_events" USING btree ("org_unit_id","occurred_on");