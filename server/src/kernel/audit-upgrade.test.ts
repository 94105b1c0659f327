import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, type Db } from "../db/client";
import * as schema from "../db/schema";
import { GENESIS, hashRow, recordEvent } from "./audit";
import { verifyAuditChain } from "./audit-verify";
import { sealPendingAudit } from "./audit-sequencer";

// A chain written by the old recordEvent (ids 1, 2, 3… under the chain lock, hashed at once) stays
// valid through migration 0027, and the sequencer continues it from its head (decision 0012).
// PGlite only: the migration is plain SQL that runs the same on PostgreSQL.
const migrations = path.join(path.dirname(fileURLToPath(import.meta.url)), "../db/migrations");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "toandan-audit-upgrade-"));
const files = {
  keyFile: path.join(tmp, "keys", "audit-checkpoint.key"),
  checkpointFile: path.join(tmp, "cp.log"),
};
let client: PGlite;
let db: Db;

/** The migrations folder as it was before 0027. */
function migrationsBefore0027(): string {
  const dir = path.join(tmp, "migrations");
  fs.cpSync(migrations, dir, { recursive: true });
  const journalFile = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((e) => e.idx < 27);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

beforeAll(async () => {
  client = await PGlite.create("memory://", { extensions: { pg_trgm } });
  const d = drizzle(client, { schema });
  db = d;
  await migrate(d, { migrationsFolder: migrationsBefore0027() });
  // Three rows as the old recordEvent wrote them.
  let prevHash = GENESIS;
  for (let id = 1; id <= 3; id++) {
    const row = {
      id,
      occurredAt: new Date(Date.UTC(2026, 0, id)).toISOString(),
      actorId: null,
      action: "auth.logout",
      entityType: "account",
      entityId: `a${id}`,
      orgUnitId: null,
      data: { n: id },
      prevHash,
    };
    const hash = hashRow(row);
    await db.execute(
      sql`insert into audit_log (id, occurred_at, action, entity_type, entity_id, data, prev_hash, hash)
          values (${id}, ${row.occurredAt}, ${row.action}, ${row.entityType}, ${row.entityId},
                  ${JSON.stringify(row.data)}::jsonb, ${prevHash}, ${hash})`,
    );
    prevHash = hash;
  }
  await migrate(d, { migrationsFolder: migrations });
}, 60_000);
afterAll(async () => {
  await client.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("upgrading an existing chain", () => {
  it("keeps the old rows sealed in place and continues the chain from their head", async () => {
    const old = await queryRows<{ id: number; seq: number; hash: string }>(
      db,
      sql`select id::int, seq::int, hash from audit_log order by id`,
    );
    expect(old.map((r) => [r.id, r.seq])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    await db.transaction((tx) =>
      recordEvent(tx, { actorId: null, action: "auth.logout", entityType: "account", entityId: "new" }),
    );
    expect(await sealPendingAudit(db, files)).toBe(1);
    const [added] = await queryRows<{ id: number; seq: number; prevHash: string }>(
      db,
      sql`select id::int, seq::int, prev_hash as "prevHash" from audit_log where entity_id = 'new'`,
    );
    expect(added).toMatchObject({ id: 4, seq: 4, prevHash: old[2]!.hash });
    expect(await verifyAuditChain(db, files)).toMatchObject({
      ok: true,
      checked: 4,
      checkpoint: { treeSize: 4, source: "file" },
    });
  });

  it("still names an old row changed without its hash", async () => {
    await db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    await db.execute(sql`update audit_log set data = '{"n": 9}' where id = 2`);
    await db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
    expect(await verifyAuditChain(db, files)).toMatchObject({
      ok: false,
      firstBadId: 2,
      reason: "row content does not match its hash",
    });
  });
});
