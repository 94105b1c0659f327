CREATE TABLE "media_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"published_on" date NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"link" text,
	"topic" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "media_partnerships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"rollup_path" text NOT NULL,
	"owner_body_id" uuid NOT NULL,
	"partner_name" text NOT NULL,
	"partner_kind" text NOT NULL,
	"agreement_number" text,
	"agreement_date" date,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "media_items" ADD CONSTRAINT "media_items_partnership_id_media_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."media_partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_items" ADD CONSTRAINT "media_items_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_partnerships" ADD CONSTRAINT "media_partnerships_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_partnerships" ADD CONSTRAINT "media_partnerships_owner_body_id_bodies_id_fk" FOREIGN KEY ("owner_body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_partnerships" ADD CONSTRAINT "media_partnerships_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "media_items_partnership_idx" ON "media_items" USING btree ("partnership_id","published_on");--> statement-breakpoint
CREATE INDEX "media_partnerships_rollup_idx" ON "media_partnerships" USING btree ("rollup_path" text_pattern_ops,"period_from");--> statement-breakpoint
CREATE TRIGGER media_partnerships_version BEFORE UPDATE ON media_partnerships FOR EACH ROW EXECUTE FUNCTION bump_row_version();
