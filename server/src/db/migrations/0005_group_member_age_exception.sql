ALTER TABLE "group_members" ADD COLUMN "age_exception_decision" text;--> statement-breakpoint
ALTER TABLE "group_members" ADD COLUMN "age_exception_decided_on" date;