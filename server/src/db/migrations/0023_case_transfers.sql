CREATE TABLE "case_holdings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"commune_id" uuid NOT NULL,
	"rollup_path" text NOT NULL,
	"held_from" date NOT NULL,
	"held_until" date
);
--> statement-breakpoint
CREATE TABLE "case_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"from_org_unit_id" uuid NOT NULL,
	"from_commune_id" uuid NOT NULL,
	"from_rollup_path" text NOT NULL,
	"to_commune_id" uuid NOT NULL,
	"to_rollup_path" text NOT NULL,
	"moved_on" date NOT NULL,
	"transferred_on" date NOT NULL,
	"reason_sealed" "bytea" NOT NULL,
	"previous_assignee_body_id" uuid,
	"receive_due_on" date NOT NULL,
	"residence_check_due_on" date NOT NULL,
	"received_on" date,
	"residence_checked_on" date,
	"received_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "measure_months" integer;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "measure_ends_on" date;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "early_end_from" date;--> statement-breakpoint
ALTER TABLE "case_holdings" ADD CONSTRAINT "case_holdings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_holdings" ADD CONSTRAINT "case_holdings_commune_id_org_units_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfers" ADD CONSTRAINT "case_transfers_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfers" ADD CONSTRAINT "case_transfers_from_org_unit_id_org_units_id_fk" FOREIGN KEY ("from_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfers" ADD CONSTRAINT "case_transfers_from_commune_id_org_units_id_fk" FOREIGN KEY ("from_commune_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfers" ADD CONSTRAINT "case_transfers_to_commune_id_org_units_id_fk" FOREIGN KEY ("to_commune_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfers" ADD CONSTRAINT "case_transfers_previous_assignee_body_id_bodies_id_fk" FOREIGN KEY ("previous_assignee_body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfers" ADD CONSTRAINT "case_transfers_received_by_accounts_id_fk" FOREIGN KEY ("received_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfers" ADD CONSTRAINT "case_transfers_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_holdings_rollup_idx" ON "case_holdings" USING btree ("rollup_path" text_pattern_ops,"held_from");--> statement-breakpoint
CREATE INDEX "case_holdings_case_idx" ON "case_holdings" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_transfers_case_idx" ON "case_transfers" USING btree ("case_id","transferred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "case_transfers_pending_uq" ON "case_transfers" USING btree ("case_id") WHERE "case_transfers"."received_on" is null;--> statement-breakpoint
CREATE INDEX "case_transfers_from_idx" ON "case_transfers" USING btree ("from_rollup_path" text_pattern_ops,"transferred_on");--> statement-breakpoint
CREATE INDEX "case_transfers_to_idx" ON "case_transfers" USING btree ("to_rollup_path" text_pattern_ops,"transferred_on");--> statement-breakpoint
-- Outcomes become the legal grounds for ending supervision (Circular 10/2024/TT-BCA Art. 14;
-- Decree 120/2021/NĐ-CP for education at the commune). Existing rows are mapped:
--   reintegrated → expunged for released prisoners (supervision ended because the person had
--                  reintegrated, which Art. 14 records as the record being expunged), and
--                  → completed for education-in-commune files (the measure's term served);
--   reoffended   → reimprisoned (convicted again: the ground in Art. 14);
--   moved_away   → moved (the file went to the new commune; before transfers existed);
--   died         → died.
UPDATE "cases" SET "outcome" = CASE
    WHEN "outcome" = 'reintegrated' AND "kind" = 'commune_education' THEN 'completed'
    WHEN "outcome" = 'reintegrated' THEN 'expunged'
    WHEN "outcome" = 'reoffended' THEN 'reimprisoned'
    WHEN "outcome" = 'moved_away' THEN 'moved'
    ELSE "outcome" END
  WHERE "outcome" IN ('reintegrated', 'reoffended', 'moved_away');--> statement-breakpoint
-- Every existing file has been held by its present commune since its release or decision date.
INSERT INTO "case_holdings" ("case_id", "commune_id", "rollup_path", "held_from")
  SELECT "id", "commune_id", "rollup_path", "release_or_decision_date" FROM "cases";
--> statement-breakpoint
-- A new file is held by its commune from its release or decision date, whoever inserts it (the
-- command, the demo seed, the benchmark): kept in the same transaction, like the rollup tables.
CREATE OR REPLACE FUNCTION case_holdings_open() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO case_holdings (case_id, commune_id, rollup_path, held_from)
    VALUES (NEW.id, NEW.commune_id, NEW.rollup_path, NEW.release_or_decision_date);
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER case_holdings_open AFTER INSERT ON cases FOR EACH ROW EXECUTE FUNCTION case_holdings_open();
