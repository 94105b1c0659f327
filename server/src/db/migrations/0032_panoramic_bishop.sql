CREATE TABLE "committee_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"meeting_id" uuid,
	"title" text NOT NULL,
	"responsible_member_id" uuid NOT NULL,
	"due_on" date,
	"done_on" date
);
--> statement-breakpoint
CREATE TABLE "committee_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"kind" text NOT NULL,
	"attendee_ids" uuid[] NOT NULL,
	"agenda" text NOT NULL,
	"conclusions" text,
	"recorded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "committee_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"full_name" text NOT NULL,
	"position" text NOT NULL,
	"organisation" text NOT NULL,
	"role" text NOT NULL,
	"area" text,
	"joined_on" date NOT NULL,
	"left_on" date,
	"left_reason" text
);
--> statement-breakpoint
CREATE TABLE "steering_committees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"rollup_path" text NOT NULL,
	"name" text NOT NULL,
	"decision_kind" text NOT NULL,
	"decision_number" text NOT NULL,
	"decision_on" date NOT NULL,
	"decision_issuer" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "committee_assignments" ADD CONSTRAINT "committee_assignments_committee_id_steering_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."steering_committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_assignments" ADD CONSTRAINT "committee_assignments_meeting_id_committee_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."committee_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_assignments" ADD CONSTRAINT "committee_assignments_responsible_member_id_committee_members_id_fk" FOREIGN KEY ("responsible_member_id") REFERENCES "public"."committee_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_meetings" ADD CONSTRAINT "committee_meetings_committee_id_steering_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."steering_committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_meetings" ADD CONSTRAINT "committee_meetings_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_members" ADD CONSTRAINT "committee_members_committee_id_steering_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."steering_committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "steering_committees" ADD CONSTRAINT "steering_committees_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "steering_committees" ADD CONSTRAINT "steering_committees_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "committee_assignments_committee_idx" ON "committee_assignments" USING btree ("committee_id");--> statement-breakpoint
CREATE INDEX "committee_meetings_committee_idx" ON "committee_meetings" USING btree ("committee_id","held_on");--> statement-breakpoint
CREATE INDEX "committee_members_committee_idx" ON "committee_members" USING btree ("committee_id");--> statement-breakpoint
CREATE INDEX "steering_committees_rollup_idx" ON "steering_committees" USING btree ("rollup_path" text_pattern_ops);