CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"province_id" uuid,
	"rollup_path" text NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"title" text,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"organizer_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"attendees" integer DEFAULT 0 NOT NULL,
	"households" integer DEFAULT 0 NOT NULL,
	"students" integer DEFAULT 0 NOT NULL,
	"leaflets" integer DEFAULT 0 NOT NULL,
	"panels" integer DEFAULT 0 NOT NULL,
	"slogans" integer DEFAULT 0 NOT NULL,
	"broadcast_items" integer DEFAULT 0 NOT NULL,
	"broadcast_hours" numeric(10, 2) DEFAULT '0' NOT NULL,
	"notes" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_figures_ck" CHECK ("activities"."attendees" >= 0 and "activities"."households" >= 0 and "activities"."students" >= 0 and "activities"."leaflets" >= 0
        and "activities"."panels" >= 0 and "activities"."slogans" >= 0 and "activities"."broadcast_items" >= 0 and "activities"."broadcast_hours" >= 0)
);
--> statement-breakpoint
CREATE TABLE "activity_organizers" (
	"activity_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"body_kind" text NOT NULL,
	CONSTRAINT "activity_organizers_activity_id_body_id_pk" PRIMARY KEY("activity_id","body_id")
);
--> statement-breakpoint
CREATE TABLE "group_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"evaluated_on" date NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"rating" text NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"evaluated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "group_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"full_name" text NOT NULL,
	"birth_date" date,
	"role" text,
	"joined_on" date NOT NULL,
	"left_on" date,
	"disciplined" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "group_surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"surveyed_on" date NOT NULL,
	"crimes" integer DEFAULT 0 NOT NULL,
	"drug_users" integer DEFAULT 0 NOT NULL,
	"gangs" integer DEFAULT 0 NOT NULL,
	"social_evils" integer DEFAULT 0 NOT NULL,
	"notes" text
);
--> statement-breakpoint
CREATE TABLE "group_types" (
	"code" text PRIMARY KEY NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"category" text NOT NULL,
	"source" text,
	"is_built_in" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"province_id" uuid,
	"rollup_path" text NOT NULL,
	"type_code" text NOT NULL,
	"name" text NOT NULL,
	"founded_on" date NOT NULL,
	"status" text NOT NULL,
	"replicated_from_id" uuid,
	"managing_body_id" uuid,
	"dissolved_on" date,
	"notes" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"rollup_path" text NOT NULL,
	"year" integer NOT NULL,
	"signed_on" date NOT NULL,
	"form_version" text NOT NULL,
	"scan_path" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"province_id" uuid,
	"rollup_path" text NOT NULL,
	"head_name" text NOT NULL,
	"address" text NOT NULL,
	"members" integer NOT NULL,
	"member_orgs" text[] DEFAULT '{}'::text[] NOT NULL,
	"code" text,
	"search_text" text NOT NULL,
	"moved_out_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_issuers" (
	"plan_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	CONSTRAINT "plan_issuers_plan_id_body_id_pk" PRIMARY KEY("plan_id","body_id")
);
--> statement-breakpoint
CREATE TABLE "plan_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"ordinal" integer NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"indicator" text NOT NULL,
	"comparator" text NOT NULL,
	"value" numeric(18, 4) NOT NULL,
	"year" integer NOT NULL,
	"body_kind" text,
	"org_unit_id" uuid,
	"label" text
);
--> statement-breakpoint
CREATE TABLE "plan_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"body_kinds" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"issued_on" date NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"province_id" uuid,
	"rollup_path" text NOT NULL,
	"period_from" integer NOT NULL,
	"period_to" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_province_id_org_units_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_organizers" ADD CONSTRAINT "activity_organizers_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_organizers" ADD CONSTRAINT "activity_organizers_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_evaluations" ADD CONSTRAINT "group_evaluations_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_evaluations" ADD CONSTRAINT "group_evaluations_evaluated_by_accounts_id_fk" FOREIGN KEY ("evaluated_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_surveys" ADD CONSTRAINT "group_surveys_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_province_id_org_units_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_type_code_group_types_code_fk" FOREIGN KEY ("type_code") REFERENCES "public"."group_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_managing_body_id_bodies_id_fk" FOREIGN KEY ("managing_body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_commitments" ADD CONSTRAINT "household_commitments_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_commitments" ADD CONSTRAINT "household_commitments_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_province_id_org_units_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_issuers" ADD CONSTRAINT "plan_issuers_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_issuers" ADD CONSTRAINT "plan_issuers_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_milestones" ADD CONSTRAINT "plan_milestones_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_province_id_org_units_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_rollup_date_idx" ON "activities" USING btree ("rollup_path" text_pattern_ops,"date");--> statement-breakpoint
CREATE INDEX "activities_unit_date_idx" ON "activities" USING btree ("org_unit_id","date");--> statement-breakpoint
CREATE INDEX "activities_date_idx" ON "activities" USING btree ("date");--> statement-breakpoint
CREATE INDEX "activity_organizers_body_idx" ON "activity_organizers" USING btree ("body_id");--> statement-breakpoint
CREATE INDEX "group_evaluations_group_idx" ON "group_evaluations" USING btree ("group_id","evaluated_on");--> statement-breakpoint
CREATE INDEX "group_members_group_idx" ON "group_members" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "group_surveys_group_idx" ON "group_surveys" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "groups_rollup_idx" ON "groups" USING btree ("rollup_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "groups_unit_idx" ON "groups" USING btree ("org_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "household_commitments_year_uq" ON "household_commitments" USING btree ("household_id","year");--> statement-breakpoint
CREATE INDEX "household_commitments_rollup_idx" ON "household_commitments" USING btree ("rollup_path" text_pattern_ops,"year");--> statement-breakpoint
CREATE INDEX "households_rollup_idx" ON "households" USING btree ("rollup_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "households_unit_idx" ON "households" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "households_search_trgm_idx" ON "households" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "households_unit_code_uq" ON "households" USING btree ("org_unit_id","code") WHERE "households"."code" is not null;--> statement-breakpoint
CREATE INDEX "plan_milestones_plan_idx" ON "plan_milestones" USING btree ("plan_id","year");--> statement-breakpoint
CREATE INDEX "plan_targets_plan_idx" ON "plan_targets" USING btree ("plan_id","ordinal");--> statement-breakpoint
CREATE INDEX "plan_tasks_plan_idx" ON "plan_tasks" USING btree ("plan_id","ordinal");--> statement-breakpoint
CREATE INDEX "plans_rollup_idx" ON "plans" USING btree ("rollup_path" text_pattern_ops);