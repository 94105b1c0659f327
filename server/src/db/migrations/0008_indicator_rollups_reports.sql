CREATE TABLE "activity_rollups" (
	"unit_path" text NOT NULL,
	"depth" smallint NOT NULL,
	"month" date NOT NULL,
	"dim" text NOT NULL,
	"activities" integer DEFAULT 0 NOT NULL,
	"attendees" integer DEFAULT 0 NOT NULL,
	"households" integer DEFAULT 0 NOT NULL,
	"students" integer DEFAULT 0 NOT NULL,
	"leaflets" integer DEFAULT 0 NOT NULL,
	"panels" integer DEFAULT 0 NOT NULL,
	"slogans" integer DEFAULT 0 NOT NULL,
	"broadcast_items" integer DEFAULT 0 NOT NULL,
	"broadcast_hours" numeric(14, 2) DEFAULT '0' NOT NULL,
	CONSTRAINT "activity_rollups_unit_path_dim_month_pk" PRIMARY KEY("unit_path","dim","month")
);
--> statement-breakpoint
CREATE TABLE "period_locks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"unit_path" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"report_id" uuid,
	"locked_by" uuid,
	"locked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"unlocked_by" uuid,
	"unlocked_at" timestamp with time zone,
	"unlock_reason" text
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"rollup_path" text NOT NULL,
	"template" text NOT NULL,
	"year" integer NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"issuing_body" text NOT NULL,
	"parent_body" text,
	"number" text,
	"symbol" text NOT NULL,
	"place" text NOT NULL,
	"issued_on" date NOT NULL,
	"subject" text NOT NULL,
	"sections" jsonb NOT NULL,
	"figures" jsonb NOT NULL,
	"recipients" text[] NOT NULL,
	"signer_title" text NOT NULL,
	"signer_name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"comments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "period_locks" ADD CONSTRAINT "period_locks_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_locks" ADD CONSTRAINT "period_locks_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_locks" ADD CONSTRAINT "period_locks_locked_by_accounts_id_fk" FOREIGN KEY ("locked_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_locks" ADD CONSTRAINT "period_locks_unlocked_by_accounts_id_fk" FOREIGN KEY ("unlocked_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_rollups_children_idx" ON "activity_rollups" USING btree ("depth","dim","unit_path" text_pattern_ops,"month");--> statement-breakpoint
CREATE INDEX "period_locks_path_idx" ON "period_locks" USING btree ("unit_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "reports_rollup_idx" ON "reports" USING btree ("rollup_path" text_pattern_ops);