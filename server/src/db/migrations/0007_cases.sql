CREATE TABLE "case_access_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid,
	"account_id" uuid NOT NULL,
	"basis" text NOT NULL,
	"purpose" text NOT NULL,
	"reason" text NOT NULL,
	"accessed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_classifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"rollup_path" text NOT NULL,
	"quarter" text NOT NULL,
	"group" text NOT NULL,
	"classified_on" date NOT NULL,
	"notes_sealed" "bytea",
	"recorded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "case_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"quarter" text NOT NULL,
	"reported_on" date NOT NULL,
	"summary_sealed" "bytea" NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_supports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"rollup_path" text NOT NULL,
	"kind" text NOT NULL,
	"provided_on" date NOT NULL,
	"provider" text NOT NULL,
	"notes_sealed" "bytea",
	"recorded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"commune_id" uuid NOT NULL,
	"province_id" uuid,
	"rollup_path" text NOT NULL,
	"full_name_sealed" "bytea" NOT NULL,
	"date_of_birth_sealed" "bytea" NOT NULL,
	"identity_sealed" "bytea" NOT NULL,
	"identity_index" text NOT NULL,
	"offence_category_sealed" "bytea" NOT NULL,
	"offence_sealed" "bytea" NOT NULL,
	"notes_sealed" "bytea",
	"release_or_decision_date" date NOT NULL,
	"reported_in_on" date NOT NULL,
	"assign_due_on" date NOT NULL,
	"file_due_on" date NOT NULL,
	"status" text DEFAULT 'reported_in' NOT NULL,
	"assignee_body_id" uuid,
	"mentor_name_sealed" "bytea",
	"decision_number" text,
	"decided_on" date,
	"file_opened_on" date,
	"latest_group" text,
	"latest_quarter" text,
	"outcome" text,
	"closed_on" date,
	"close_notes_sealed" "bytea",
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hotspot_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hotspot_id" uuid NOT NULL,
	"observed_on" date NOT NULL,
	"summary" text NOT NULL,
	"incidents" integer,
	"recorded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "hotspot_status_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hotspot_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"date" date NOT NULL,
	"reason" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hotspot_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hotspot_id" uuid NOT NULL,
	"title" text NOT NULL,
	"responsible_body_id" uuid NOT NULL,
	"due_on" date
);
--> statement-breakpoint
CREATE TABLE "hotspots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"province_id" uuid,
	"rollup_path" text NOT NULL,
	"name" text NOT NULL,
	"designated_on" date NOT NULL,
	"decision_number" text,
	"reasons" text[] NOT NULL,
	"description" text,
	"status" text DEFAULT 'designated' NOT NULL,
	"status_changed_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commendation_endorsements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commendation_id" uuid NOT NULL,
	"level" text NOT NULL,
	"approve" boolean NOT NULL,
	"endorsed_on" date NOT NULL,
	"opinion" text,
	"by_unit_id" uuid NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"province_id" uuid,
	"rollup_path" text NOT NULL,
	"unit_kind" text NOT NULL,
	"nominee_kind" text NOT NULL,
	"nominee_name" text NOT NULL,
	"achievements" text NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"nominated_on" date NOT NULL,
	"status" text DEFAULT 'nominated' NOT NULL,
	"award_form" text,
	"decision_number" text,
	"decided_on" date,
	"issuer" text,
	"consent_given" boolean,
	"consent_on" date,
	"consent_method" text,
	"consent_recorded_by" uuid,
	"public_name" text,
	"deed_summary" text,
	"published" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_access_log" ADD CONSTRAINT "case_access_log_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_access_log" ADD CONSTRAINT "case_access_log_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_classifications" ADD CONSTRAINT "case_classifications_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_classifications" ADD CONSTRAINT "case_classifications_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reports" ADD CONSTRAINT "case_reports_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reports" ADD CONSTRAINT "case_reports_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_supports" ADD CONSTRAINT "case_supports_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_supports" ADD CONSTRAINT "case_supports_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_commune_id_org_units_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_province_id_org_units_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_assignee_body_id_bodies_id_fk" FOREIGN KEY ("assignee_body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotspot_evidence" ADD CONSTRAINT "hotspot_evidence_hotspot_id_hotspots_id_fk" FOREIGN KEY ("hotspot_id") REFERENCES "public"."hotspots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotspot_evidence" ADD CONSTRAINT "hotspot_evidence_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotspot_status_history" ADD CONSTRAINT "hotspot_status_history_hotspot_id_hotspots_id_fk" FOREIGN KEY ("hotspot_id") REFERENCES "public"."hotspots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotspot_status_history" ADD CONSTRAINT "hotspot_status_history_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotspot_tasks" ADD CONSTRAINT "hotspot_tasks_hotspot_id_hotspots_id_fk" FOREIGN KEY ("hotspot_id") REFERENCES "public"."hotspots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotspot_tasks" ADD CONSTRAINT "hotspot_tasks_responsible_body_id_bodies_id_fk" FOREIGN KEY ("responsible_body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotspots" ADD CONSTRAINT "hotspots_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotspots" ADD CONSTRAINT "hotspots_province_id_org_units_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotspots" ADD CONSTRAINT "hotspots_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commendation_endorsements" ADD CONSTRAINT "commendation_endorsements_commendation_id_commendations_id_fk" FOREIGN KEY ("commendation_id") REFERENCES "public"."commendations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commendation_endorsements" ADD CONSTRAINT "commendation_endorsements_by_unit_id_org_units_id_fk" FOREIGN KEY ("by_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commendation_endorsements" ADD CONSTRAINT "commendation_endorsements_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commendations" ADD CONSTRAINT "commendations_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commendations" ADD CONSTRAINT "commendations_province_id_org_units_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commendations" ADD CONSTRAINT "commendations_consent_recorded_by_accounts_id_fk" FOREIGN KEY ("consent_recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commendations" ADD CONSTRAINT "commendations_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_access_log_case_idx" ON "case_access_log" USING btree ("case_id","accessed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "case_classifications_quarter_uq" ON "case_classifications" USING btree ("case_id","quarter");--> statement-breakpoint
CREATE INDEX "case_classifications_rollup_idx" ON "case_classifications" USING btree ("rollup_path" text_pattern_ops,"classified_on");--> statement-breakpoint
CREATE UNIQUE INDEX "case_reports_quarter_uq" ON "case_reports" USING btree ("case_id","quarter");--> statement-breakpoint
CREATE INDEX "case_supports_case_idx" ON "case_supports" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_supports_rollup_idx" ON "case_supports" USING btree ("rollup_path" text_pattern_ops,"provided_on");--> statement-breakpoint
CREATE INDEX "cases_rollup_idx" ON "cases" USING btree ("rollup_path" text_pattern_ops,"reported_in_on");--> statement-breakpoint
CREATE INDEX "cases_assignee_idx" ON "cases" USING btree ("assignee_body_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_open_identity_uq" ON "cases" USING btree ("identity_index") WHERE "cases"."status" <> 'closed';--> statement-breakpoint
CREATE INDEX "hotspot_evidence_hotspot_idx" ON "hotspot_evidence" USING btree ("hotspot_id","observed_on");--> statement-breakpoint
CREATE INDEX "hotspots_rollup_idx" ON "hotspots" USING btree ("rollup_path" text_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "commendations_rollup_idx" ON "commendations" USING btree ("rollup_path" text_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "commendations_published_idx" ON "commendations" USING btree ("published_at") WHERE "commendations"."published" and "commendations"."consent_given";