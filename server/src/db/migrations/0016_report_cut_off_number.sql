-- A report's data cut-off ("số liệu tính đến ngày …"); reports composed before it counted to the period's end.
ALTER TABLE "reports" ADD COLUMN "cut_off" date;--> statement-breakpoint
UPDATE "reports" SET "cut_off" = "period_to";--> statement-breakpoint
ALTER TABLE "reports" ALTER COLUMN "cut_off" SET NOT NULL;--> statement-breakpoint
-- A document number is unique per unit, issuing body and year of issue; an earlier duplicate keeps it.
UPDATE "reports" r SET "number" = NULL WHERE r."number" IS NOT NULL AND EXISTS (
  SELECT 1 FROM "reports" o WHERE o."org_unit_id" = r."org_unit_id" AND o."issuing_body" = r."issuing_body"
    AND extract(year from o."issued_on") = extract(year from r."issued_on") AND o."number" = r."number"
    AND (o."created_at", o."id") < (r."created_at", r."id"));--> statement-breakpoint
CREATE UNIQUE INDEX "reports_number_unique" ON "reports" USING btree ("org_unit_id","issuing_body",(extract(year from "issued_on")),"number");
