CREATE TABLE "plan_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"reviewed_on" date NOT NULL,
	"source_id" uuid,
	"findings" text NOT NULL,
	"figures" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_source_links" (
	"plan_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	CONSTRAINT "plan_source_links_plan_id_source_id_pk" PRIMARY KEY("plan_id","source_id")
);
--> statement-breakpoint
CREATE TABLE "plan_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"issued_on" date NOT NULL,
	"issuer" text NOT NULL,
	"title" text NOT NULL,
	"level" text NOT NULL,
	"implements_id" uuid,
	"org_unit_id" uuid NOT NULL,
	"rollup_path" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "kind" text DEFAULT 'plan' NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_reviews" ADD CONSTRAINT "plan_reviews_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_reviews" ADD CONSTRAINT "plan_reviews_source_id_plan_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."plan_sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_reviews" ADD CONSTRAINT "plan_reviews_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_source_links" ADD CONSTRAINT "plan_source_links_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_source_links" ADD CONSTRAINT "plan_source_links_source_id_plan_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."plan_sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_sources" ADD CONSTRAINT "plan_sources_implements_id_plan_sources_id_fk" FOREIGN KEY ("implements_id") REFERENCES "public"."plan_sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_sources" ADD CONSTRAINT "plan_sources_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_sources" ADD CONSTRAINT "plan_sources_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_reviews_plan_kind_year_uq" ON "plan_reviews" USING btree ("plan_id","kind","year");--> statement-breakpoint
CREATE INDEX "plan_source_links_source_idx" ON "plan_source_links" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "plan_sources_rollup_idx" ON "plan_sources" USING btree ("rollup_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "plan_sources_unit_number_uq" ON "plan_sources" USING btree ("org_unit_id","number","issued_on");