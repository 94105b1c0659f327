CREATE TABLE "case_community_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"rollup_path" text NOT NULL,
	"held_on" date NOT NULL,
	"presided_by" text NOT NULL,
	"venue" text NOT NULL,
	"attendees" integer,
	"commitments_sealed" "bytea" NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_help_instances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"rollup_path" text NOT NULL,
	"received_on" date NOT NULL,
	"kind" text NOT NULL,
	"helper" text NOT NULL,
	"outcome" text DEFAULT 'ongoing' NOT NULL,
	"outcome_on" date,
	"notes_sealed" "bytea",
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"rollup_path" text NOT NULL,
	"referred_on" date NOT NULL,
	"mode" text NOT NULL,
	"facility" text NOT NULL,
	"decision_number" text,
	"outcome" text DEFAULT 'pending' NOT NULL,
	"outcome_on" date,
	"notes_sealed" "bytea",
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_community_sessions" ADD CONSTRAINT "case_community_sessions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_community_sessions" ADD CONSTRAINT "case_community_sessions_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_help_instances" ADD CONSTRAINT "case_help_instances_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_help_instances" ADD CONSTRAINT "case_help_instances_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_community_sessions_case_idx" ON "case_community_sessions" USING btree ("case_id","held_on");--> statement-breakpoint
CREATE INDEX "case_community_sessions_rollup_idx" ON "case_community_sessions" USING btree ("rollup_path" text_pattern_ops,"held_on");--> statement-breakpoint
CREATE INDEX "case_help_instances_case_idx" ON "case_help_instances" USING btree ("case_id","received_on");--> statement-breakpoint
CREATE INDEX "case_help_instances_rollup_idx" ON "case_help_instances" USING btree ("rollup_path" text_pattern_ops,"received_on");--> statement-breakpoint
CREATE UNIQUE INDEX "case_help_instances_ongoing_uq" ON "case_help_instances" USING btree ("case_id") WHERE "case_help_instances"."outcome" = 'ongoing';--> statement-breakpoint
CREATE INDEX "case_referrals_case_idx" ON "case_referrals" USING btree ("case_id","referred_on");--> statement-breakpoint
CREATE INDEX "case_referrals_rollup_idx" ON "case_referrals" USING btree ("rollup_path" text_pattern_ops,"referred_on");