CREATE TABLE "tip_notices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tip_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"recipient" text NOT NULL,
	"channel" text NOT NULL,
	"document_number" text,
	"sent_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tips" ADD COLUMN "outcome_ground" text;--> statement-breakpoint
ALTER TABLE "tips" ADD COLUMN "first_suspended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tips" ADD COLUMN "suspended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tips" ADD COLUMN "resumed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tip_notices" ADD CONSTRAINT "tip_notices_tip_id_tips_id_fk" FOREIGN KEY ("tip_id") REFERENCES "public"."tips"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip_notices" ADD CONSTRAINT "tip_notices_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tip_notices_tip_idx" ON "tip_notices" USING btree ("tip_id","kind");