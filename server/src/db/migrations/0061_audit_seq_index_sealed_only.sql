DROP INDEX "audit_log_seq_uq";--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_seq_uq" ON "audit_log" USING btree ("seq") WHERE "audit_log"."seq" is not null;