ALTER TABLE "remote_communes" ADD COLUMN "basis_number" text NOT NULL;--> statement-breakpoint
ALTER TABLE "remote_communes" ADD COLUMN "basis_date" date NOT NULL;--> statement-breakpoint
ALTER TABLE "remote_communes" ADD COLUMN "basis_text" text NOT NULL;--> statement-breakpoint
ALTER TABLE "remote_communes" ADD COLUMN "set_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "tips" ADD COLUMN "channel" text DEFAULT 'web' NOT NULL;--> statement-breakpoint
ALTER TABLE "tips" ADD COLUMN "intake" "bytea";