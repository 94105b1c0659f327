CREATE TABLE "remote_communes" (
	"org_unit_id" uuid PRIMARY KEY NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "tip_attachments" (
	"tip_id" uuid NOT NULL,
	"n" integer NOT NULL,
	"media_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"content" "bytea" NOT NULL,
	CONSTRAINT "tip_attachments_tip_id_n_pk" PRIMARY KEY("tip_id","n")
);
--> statement-breakpoint
CREATE TABLE "tip_messages" (
	"tip_id" uuid NOT NULL,
	"n" integer NOT NULL,
	"author" text NOT NULL,
	"account_id" uuid,
	"sent_hour" timestamp with time zone NOT NULL,
	"body" "bytea" NOT NULL,
	CONSTRAINT "tip_messages_tip_id_n_pk" PRIMARY KEY("tip_id","n")
);
--> statement-breakpoint
CREATE TABLE "tips" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"verifier" "bytea" NOT NULL,
	"category" text NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"province_id" uuid,
	"unit_path" text NOT NULL,
	"body_id" uuid,
	"remote" boolean DEFAULT false NOT NULL,
	"received_hour" timestamp with time zone NOT NULL,
	"content" "bytea" NOT NULL,
	"contact" "bytea",
	"status" text DEFAULT 'new' NOT NULL,
	"urgency" text,
	"duplicate_of_id" uuid,
	"extension_level" integer DEFAULT 0 NOT NULL,
	"transferred_at" timestamp with time zone,
	"receipt_notice_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"outcome" text,
	"cases_solved" integer DEFAULT 0 NOT NULL,
	"arrests" integer DEFAULT 0 NOT NULL,
	"outcome_note" "bytea",
	"awaiting_reply" boolean DEFAULT false NOT NULL,
	"message_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "tips_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "feedback_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"verifier" "bytea" NOT NULL,
	"kind" text NOT NULL,
	"topic" text NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"province_id" uuid,
	"unit_path" text NOT NULL,
	"body_kind" text NOT NULL,
	"body_id" uuid,
	"received_on" date NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"title" "bytea" NOT NULL,
	"content" "bytea" NOT NULL,
	"identity" "bytea",
	"answer" "bytea",
	"answered_on" date,
	"answered_by" uuid,
	"updated_at" timestamp with time zone,
	CONSTRAINT "feedback_items_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "news_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"author_body" text NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"body" text NOT NULL,
	"image" "bytea",
	"image_type" text,
	"image_alt" text,
	"published_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "news_items_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "remote_communes" ADD CONSTRAINT "remote_communes_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip_attachments" ADD CONSTRAINT "tip_attachments_tip_id_tips_id_fk" FOREIGN KEY ("tip_id") REFERENCES "public"."tips"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip_messages" ADD CONSTRAINT "tip_messages_tip_id_tips_id_fk" FOREIGN KEY ("tip_id") REFERENCES "public"."tips"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip_messages" ADD CONSTRAINT "tip_messages_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tips" ADD CONSTRAINT "tips_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tips" ADD CONSTRAINT "tips_province_id_org_units_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tips" ADD CONSTRAINT "tips_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_province_id_org_units_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_answered_by_accounts_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_items" ADD CONSTRAINT "news_items_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_items" ADD CONSTRAINT "news_items_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tips_unit_path_idx" ON "tips" USING btree ("unit_path" text_pattern_ops,"received_hour");--> statement-breakpoint
CREATE INDEX "tips_province_idx" ON "tips" USING btree ("province_id");--> statement-breakpoint
CREATE INDEX "feedback_unit_path_idx" ON "feedback_items" USING btree ("unit_path" text_pattern_ops,"received_on");--> statement-breakpoint
CREATE INDEX "feedback_province_idx" ON "feedback_items" USING btree ("province_id");--> statement-breakpoint
CREATE INDEX "news_kind_published_idx" ON "news_items" USING btree ("kind","published_on");