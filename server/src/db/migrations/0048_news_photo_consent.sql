ALTER TABLE "news_items" ADD COLUMN "image_people" text;--> statement-breakpoint
ALTER TABLE "news_items" ADD COLUMN "image_consent_text_id" uuid;--> statement-breakpoint
ALTER TABLE "news_items" ADD COLUMN "image_withdrawn_on" date;--> statement-breakpoint
ALTER TABLE "news_items" ADD CONSTRAINT "news_items_image_consent_text_id_consent_texts_id_fk" FOREIGN KEY ("image_consent_text_id") REFERENCES "public"."consent_texts"("id") ON DELETE no action ON UPDATE no action;