CREATE TABLE "activity_rollups" (
	"unit_path" text NOT NULL,
	"depth" smallint NOT NULL,
	"month" date NOT NULL,
	"dim" text NOT NULL,
	"activities" integer DEFAULT 0 NOT NULL,
	"attendees" integer DEFAULT 0 NOT NULL,
	"households" integer DEFAULT 0 NOT NULL,
	"students" integer DEFAULT 0 NOT NULL,
	"leaflets" integer DEFAULT 0 NOT NULL,
	"panels" integer DEFAULT 0 NOT NULL,
	"slogans" integer DEFAULT 0 NOT NULL,
	"broadcast_items" integer DEFAULT 0 NOT NULL,
	"broadcast_hours" numeric(14, 2) DEFAULT '0' NOT NULL,
	CONSTRAINT "activity_rollups_unit_path_dim_month_pk" PRIMARY KEY("unit_path","dim","month")
);
--> statement-breakpoint
CREATE INDEX "activity_rollups_children_idx" ON "activity_rollups" USING btree ("depth","dim","unit_path" text_pattern_ops,"month");