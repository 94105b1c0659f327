import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * One row per key file the server uses (kernel/keys.ts): a fingerprint of the key, never the key,
 * so that a start with a missing or different key file is refused instead of sealing new data with
 * a new key and failing on the old.
 */
export const keyFingerprints = pgTable("key_fingerprints", {
  name: text("name").primaryKey(),
  fingerprint: text("fingerprint").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
});
