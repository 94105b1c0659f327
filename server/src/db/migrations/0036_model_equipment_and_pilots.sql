CREATE TABLE "group_equipment_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"change" integer NOT NULL,
	"on" date NOT NULL,
	"funded_by" text,
	"note" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_equipment_changes_change_ck" CHECK ("group_equipment_changes"."change" <> 0),
	CONSTRAINT "group_equipment_changes_funded_ck" CHECK (("group_equipment_changes"."change" > 0) = ("group_equipment_changes"."funded_by" is not null))
);
--> statement-breakpoint
CREATE TABLE "group_online_channels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"platform" text NOT NULL,
	"name" text NOT NULL,
	"members" integer NOT NULL,
	"started_on" date NOT NULL,
	"closed_on" date,
	"for_propaganda" boolean NOT NULL,
	"for_tips" boolean NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pilot_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pilot_id" uuid NOT NULL,
	"evaluated_on" date NOT NULL,
	"result" text NOT NULL,
	"findings" text NOT NULL,
	"evaluated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "pilot_replications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pilot_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"rollup_path" text NOT NULL,
	"replicated_on" date NOT NULL,
	"group_id" uuid,
	"note" text,
	"recorded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "pilots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"rollup_path" text NOT NULL,
	"group_id" uuid,
	"type_code" text,
	"topic" text NOT NULL,
	"decision_number" text NOT NULL,
	"decision_issuer" text NOT NULL,
	"decision_on" date NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "group_equipment_changes" ADD CONSTRAINT "group_equipment_changes_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_equipment_changes" ADD CONSTRAINT "group_equipment_changes_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_online_channels" ADD CONSTRAINT "group_online_channels_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_online_channels" ADD CONSTRAINT "group_online_channels_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_evaluations" ADD CONSTRAINT "pilot_evaluations_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_evaluations" ADD CONSTRAINT "pilot_evaluations_evaluated_by_accounts_id_fk" FOREIGN KEY ("evaluated_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_replications" ADD CONSTRAINT "pilot_replications_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_replications" ADD CONSTRAINT "pilot_replications_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_replications" ADD CONSTRAINT "pilot_replications_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_replications" ADD CONSTRAINT "pilot_replications_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilots" ADD CONSTRAINT "pilots_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilots" ADD CONSTRAINT "pilots_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilots" ADD CONSTRAINT "pilots_type_code_group_types_code_fk" FOREIGN KEY ("type_code") REFERENCES "public"."group_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilots" ADD CONSTRAINT "pilots_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "group_equipment_changes_group_idx" ON "group_equipment_changes" USING btree ("group_id","kind","on");--> statement-breakpoint
CREATE INDEX "group_online_channels_group_idx" ON "group_online_channels" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "pilot_evaluations_pilot_idx" ON "pilot_evaluations" USING btree ("pilot_id","evaluated_on");--> statement-breakpoint
CREATE UNIQUE INDEX "pilot_replications_unit_uq" ON "pilot_replications" USING btree ("pilot_id","org_unit_id");--> statement-breakpoint
CREATE INDEX "pilot_replications_rollup_idx" ON "pilot_replications" USING btree ("rollup_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "pilots_rollup_idx" ON "pilots" USING btree ("rollup_path" text_pattern_ops);