CREATE TABLE "citizen_restrictions" (
	"source" text NOT NULL,
	"record_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"rollup_path" text NOT NULL,
	"request_id" uuid NOT NULL,
	"restricted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"restricted_by" uuid NOT NULL,
	CONSTRAINT "citizen_restrictions_source_record_id_pk" PRIMARY KEY("source","record_id")
);
--> statement-breakpoint
CREATE TABLE "citizen_upgrades" (
	"name" text PRIMARY KEY NOT NULL,
	"done_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rows" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "citizen_restrictions" ADD CONSTRAINT "citizen_restrictions_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "citizen_restrictions_request_idx" ON "citizen_restrictions" USING btree ("request_id");--> statement-breakpoint
-- Written by hand: the privacy module sits above citizen, so its table cannot name privacy_requests.
ALTER TABLE "citizen_restrictions" ADD CONSTRAINT "citizen_restrictions_request_id_privacy_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."privacy_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_restrictions" ADD CONSTRAINT "citizen_restrictions_restricted_by_accounts_id_fk" FOREIGN KEY ("restricted_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;
