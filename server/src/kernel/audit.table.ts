import { sql } from "drizzle-orm";
import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * Append-only, hash-chained audit log (a trigger forbids UPDATE and DELETE, except the one update
 * that seals a row). A write appends its row unsealed (`seq`, `prev_hash`, `hash` null) in its own
 * transaction; the audit sequencer (kernel/audit-sequencer.ts) then gives it its place in the chain.
 * `id` orders rows as they were written; `seq` is their place in the chain (decision 0012).
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" })
      .primaryKey()
      .default(sql`nextval('audit_log_id_seq')`),
    occurredAt: timestamp("occurred_at", { withTimezone: true, mode: "string" }).notNull(),
    actorId: uuid("actor_id"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    orgUnitId: uuid("org_unit_id"),
    data: jsonb("data").notNull(),
    /** Place in the chain, from 1; null until the sequencer seals the row. */
    seq: bigint("seq", { mode: "number" }),
    prevHash: text("prev_hash"),
    hash: text("hash"),
  },
  (t) => [
    index("audit_log_actor_idx").on(t.actorId),
    index("audit_log_unit_idx").on(t.orgUnitId),
    // Sealed rows only: a row is written unsealed, so a full index would take a NULL entry per write.
    uniqueIndex("audit_log_seq_uq")
      .on(t.seq)
      .where(sql`${t.seq} is not null`),
    index("audit_log_unsealed_idx")
      .on(t.id)
      .where(sql`${t.seq} is null`),
  ],
);

/**
 * Signed checkpoints of the chain (a signed tree head, RFC 9162 §4.10): after each sealing batch,
 * the number of sealed rows and the hash of the last one, signed with a key kept outside the
 * database. Also appended to a file outside the database. Append-only like the log.
 */
export const auditCheckpoints = pgTable("audit_checkpoints", {
  treeSize: bigint("tree_size", { mode: "number" }).primaryKey(),
  headHash: text("head_hash").notNull(),
  signedAt: text("signed_at").notNull(),
  keyId: text("key_id").notNull(),
  signature: text("signature").notNull(),
});
