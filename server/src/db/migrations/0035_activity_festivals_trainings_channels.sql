CREATE TABLE "activity_trainees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"ordinal" smallint NOT NULL,
	"full_name" text NOT NULL,
	"position" text,
	"organisation" text
);
--> statement-breakpoint
CREATE TABLE "activity_trainings" (
	"activity_id" uuid PRIMARY KEY NOT NULL,
	"level" text NOT NULL,
	"form" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "festivals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"rollup_path" text NOT NULL,
	"year" smallint NOT NULL,
	"level" text NOT NULL,
	"showcase" boolean DEFAULT false NOT NULL,
	"plan_date" date,
	"held_on" date,
	"venues" text[] DEFAULT '{}'::text[] NOT NULL,
	"organizer_body_ids" uuid[] NOT NULL,
	"ceremony_content" text,
	"festival_content" text,
	"attendees" integer DEFAULT 0 NOT NULL,
	"gifts" integer DEFAULT 0 NOT NULL,
	"gift_value" bigint DEFAULT 0 NOT NULL,
	"awards" integer DEFAULT 0 NOT NULL,
	"activity_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "festivals_figures_ck" CHECK ("festivals"."attendees" >= 0 and "festivals"."gifts" >= 0 and "festivals"."gift_value" >= 0 and "festivals"."awards" >= 0)
);
--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "channels" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "activity_trainees" ADD CONSTRAINT "activity_trainees_activity_id_activity_trainings_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activity_trainings"("activity_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_trainings" ADD CONSTRAINT "activity_trainings_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "festivals" ADD CONSTRAINT "festivals_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "festivals" ADD CONSTRAINT "festivals_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "festivals" ADD CONSTRAINT "festivals_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "activity_trainees_activity_ordinal_uq" ON "activity_trainees" USING btree ("activity_id","ordinal");--> statement-breakpoint
CREATE UNIQUE INDEX "festivals_unit_year_uq" ON "festivals" USING btree ("org_unit_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "festivals_activity_uq" ON "festivals" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "festivals_rollup_year_idx" ON "festivals" USING btree ("rollup_path" text_pattern_ops,"year");