ALTER TABLE "case_community_sessions" ALTER COLUMN "commitments_sealed" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "case_reports" ALTER COLUMN "summary_sealed" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "case_transfers" ALTER COLUMN "reason_sealed" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "full_name_sealed" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "date_of_birth_sealed" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "identity_sealed" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "offence_category_sealed" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "offence_sealed" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "deidentified_on" date;--> statement-breakpoint
ALTER TABLE "tips" ADD COLUMN "contact_withdrawn_on" date;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD COLUMN "identity_consent_text_id" uuid;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD COLUMN "identity_withdrawn_on" date;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_identity_consent_text_id_consent_texts_id_fk" FOREIGN KEY ("identity_consent_text_id") REFERENCES "public"."consent_texts"("id") ON DELETE no action ON UPDATE no action;