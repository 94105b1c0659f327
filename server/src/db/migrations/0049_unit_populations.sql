CREATE TABLE "unit_populations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"population" integer NOT NULL,
	"as_of" date NOT NULL,
	"source" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_populations_positive" CHECK ("unit_populations"."population" > 0)
);
--> statement-breakpoint
ALTER TABLE "unit_populations" ADD CONSTRAINT "unit_populations_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "unit_populations_unit_idx" ON "unit_populations" USING btree ("org_unit_id","as_of","recorded_at");