CREATE TABLE "supervision_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"supervision_id" uuid NOT NULL,
	"found_on" date NOT NULL,
	"content" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"supervision_id" uuid NOT NULL,
	"addressee_body_id" uuid,
	"addressee_name" text NOT NULL,
	"content" text NOT NULL,
	"made_on" date NOT NULL,
	"due_on" date NOT NULL,
	"response_content" text,
	"response_action" text,
	"responded_on" date,
	"responded_by" uuid,
	"recorded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "supervisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"province_id" uuid,
	"rollup_path" text NOT NULL,
	"title" text NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_body_id" uuid,
	"subject_plan_id" uuid,
	"content" text NOT NULL,
	"form" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"decision_number" text,
	"decision_date" date,
	"members" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"result" text,
	"summary" text,
	"unanswered_note" text,
	"closed_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "supervision_findings" ADD CONSTRAINT "supervision_findings_supervision_id_supervisions_id_fk" FOREIGN KEY ("supervision_id") REFERENCES "public"."supervisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_findings" ADD CONSTRAINT "supervision_findings_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_recommendations" ADD CONSTRAINT "supervision_recommendations_supervision_id_supervisions_id_fk" FOREIGN KEY ("supervision_id") REFERENCES "public"."supervisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_recommendations" ADD CONSTRAINT "supervision_recommendations_addressee_body_id_bodies_id_fk" FOREIGN KEY ("addressee_body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_recommendations" ADD CONSTRAINT "supervision_recommendations_responded_by_accounts_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_recommendations" ADD CONSTRAINT "supervision_recommendations_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisions" ADD CONSTRAINT "supervisions_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisions" ADD CONSTRAINT "supervisions_province_id_org_units_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisions" ADD CONSTRAINT "supervisions_subject_body_id_bodies_id_fk" FOREIGN KEY ("subject_body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisions" ADD CONSTRAINT "supervisions_subject_plan_id_plans_id_fk" FOREIGN KEY ("subject_plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisions" ADD CONSTRAINT "supervisions_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "supervision_findings_sup_idx" ON "supervision_findings" USING btree ("supervision_id","found_on");--> statement-breakpoint
CREATE INDEX "supervision_recs_sup_idx" ON "supervision_recommendations" USING btree ("supervision_id");--> statement-breakpoint
CREATE INDEX "supervision_recs_body_idx" ON "supervision_recommendations" USING btree ("addressee_body_id");--> statement-breakpoint
CREATE INDEX "supervisions_rollup_idx" ON "supervisions" USING btree ("rollup_path" text_pattern_ops,"period_from");