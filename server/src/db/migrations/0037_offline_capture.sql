CREATE TABLE "idempotency_keys" (
	"account_id" uuid NOT NULL,
	"key" text NOT NULL,
	"operation" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" smallint,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_account_id_key_pk" PRIMARY KEY("account_id","key")
);
--> statement-breakpoint
CREATE TABLE "group_duty_log_members" (
	"log_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	CONSTRAINT "group_duty_log_members_log_id_member_id_pk" PRIMARY KEY("log_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "group_duty_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"province_id" uuid,
	"rollup_path" text NOT NULL,
	"date" date NOT NULL,
	"incidents" integer DEFAULT 0 NOT NULL,
	"incident_note" text,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_duty_logs_incidents_ck" CHECK ("group_duty_logs"."incidents" >= 0)
);
--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "group_members" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "household_commitments" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "households" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "group_duty_log_members" ADD CONSTRAINT "group_duty_log_members_log_id_group_duty_logs_id_fk" FOREIGN KEY ("log_id") REFERENCES "public"."group_duty_logs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_duty_log_members" ADD CONSTRAINT "group_duty_log_members_member_id_group_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."group_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_duty_logs" ADD CONSTRAINT "group_duty_logs_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_duty_logs" ADD CONSTRAINT "group_duty_logs_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_duty_logs" ADD CONSTRAINT "group_duty_logs_province_id_org_units_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_duty_logs" ADD CONSTRAINT "group_duty_logs_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "group_duty_log_members_member_idx" ON "group_duty_log_members" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "group_duty_logs_group_date_idx" ON "group_duty_logs" USING btree ("group_id","date");--> statement-breakpoint
CREATE INDEX "group_duty_logs_rollup_idx" ON "group_duty_logs" USING btree ("rollup_path" text_pattern_ops,"date");--> statement-breakpoint
-- Row versions for offline edits (If-Match, decision 0015): every UPDATE of a record the phone can
-- edit adds one, whichever writer runs it, so a stale client version is always seen.
CREATE FUNCTION bump_row_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := OLD.version + 1;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER activities_version BEFORE UPDATE ON activities FOR EACH ROW EXECUTE FUNCTION bump_row_version();--> statement-breakpoint
CREATE TRIGGER households_version BEFORE UPDATE ON households FOR EACH ROW EXECUTE FUNCTION bump_row_version();--> statement-breakpoint
CREATE TRIGGER household_commitments_version BEFORE UPDATE ON household_commitments FOR EACH ROW EXECUTE FUNCTION bump_row_version();--> statement-breakpoint
CREATE TRIGGER group_members_version BEFORE UPDATE ON group_members FOR EACH ROW EXECUTE FUNCTION bump_row_version();--> statement-breakpoint
CREATE TRIGGER group_duty_logs_version BEFORE UPDATE ON group_duty_logs FOR EACH ROW EXECUTE FUNCTION bump_row_version();--> statement-breakpoint
-- A duty log dated in a period an approved report locked is refused like an activity (0013, 0017).
CREATE TRIGGER group_duty_logs_period_lock BEFORE INSERT OR UPDATE OR DELETE ON group_duty_logs
  FOR EACH ROW EXECUTE FUNCTION period_lock_guard_dated('date');
