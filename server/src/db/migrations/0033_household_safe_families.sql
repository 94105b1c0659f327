CREATE TABLE "household_safe_families" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"rollup_path" text NOT NULL,
	"year" integer NOT NULL,
	"decided_level" text NOT NULL,
	"decided_by" text NOT NULL,
	"decided_on" date NOT NULL,
	"decision_number" text,
	"note" text,
	"withdrawn_on" date,
	"withdrawn_reason" text,
	"withdrawn_by" uuid,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "household_safe_families" ADD CONSTRAINT "household_safe_families_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_safe_families" ADD CONSTRAINT "household_safe_families_withdrawn_by_accounts_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_safe_families" ADD CONSTRAINT "household_safe_families_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "household_safe_families_year_uq" ON "household_safe_families" USING btree ("household_id","year") WHERE "household_safe_families"."withdrawn_on" is null;--> statement-breakpoint
CREATE INDEX "household_safe_families_rollup_idx" ON "household_safe_families" USING btree ("rollup_path" text_pattern_ops,"year");