CREATE TABLE "group_year_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"member_id" uuid,
	"year" smallint NOT NULL,
	"evaluation_id" uuid,
	"rating" text NOT NULL,
	"months_served" smallint NOT NULL,
	"evaluated_on" date NOT NULL,
	"evaluated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_year_ratings_rating_ck" CHECK ("group_year_ratings"."rating" in ('excellent', 'good', 'completed', 'not_completed'))
);
--> statement-breakpoint
ALTER TABLE "group_year_ratings" ADD CONSTRAINT "group_year_ratings_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_year_ratings" ADD CONSTRAINT "group_year_ratings_member_id_group_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."group_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_year_ratings" ADD CONSTRAINT "group_year_ratings_evaluation_id_group_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."group_evaluations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_year_ratings" ADD CONSTRAINT "group_year_ratings_evaluated_by_accounts_id_fk" FOREIGN KEY ("evaluated_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "group_year_ratings_team_uq" ON "group_year_ratings" USING btree ("group_id","year") WHERE "group_year_ratings"."member_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "group_year_ratings_member_uq" ON "group_year_ratings" USING btree ("member_id","year") WHERE "group_year_ratings"."member_id" is not null;--> statement-breakpoint
CREATE INDEX "group_year_ratings_year_idx" ON "group_year_ratings" USING btree ("year","group_id");