CREATE TABLE "citizen_contact_index" (
	"source" text NOT NULL,
	"record_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"term" text NOT NULL,
	CONSTRAINT "citizen_contact_index_source_record_id_kind_pk" PRIMARY KEY("source","record_id","kind")
);
--> statement-breakpoint
CREATE TABLE "privacy_request_actions" (
	"request_id" uuid NOT NULL,
	"module" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"org_unit_name" text,
	"label_vi" text NOT NULL,
	"action" text NOT NULL,
	"outcome" text NOT NULL,
	"exception" text,
	"reason_vi" text,
	"acted_at" timestamp with time zone NOT NULL,
	"acted_by" uuid,
	CONSTRAINT "privacy_request_actions_request_id_module_entity_id_pk" PRIMARY KEY("request_id","module","entity_id")
);
--> statement-breakpoint
ALTER TABLE "privacy_requests" ADD COLUMN "executed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "privacy_request_actions" ADD CONSTRAINT "privacy_request_actions_request_id_privacy_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."privacy_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_request_actions" ADD CONSTRAINT "privacy_request_actions_acted_by_accounts_id_fk" FOREIGN KEY ("acted_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "citizen_contact_index_term_idx" ON "citizen_contact_index" USING btree ("term","source");