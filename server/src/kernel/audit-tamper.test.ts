import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, type Db } from "../db/client";
import { createTestContext, type TestContext } from "../test/harness";
import { hashRow, HASHED_COLUMNS, recordEvent } from "./audit";
import { verifyAuditChain, type VerifyResult } from "./audit-verify";
import { AuditSequencer, auditSequencerOf, sealPendingAudit } from "./audit-sequencer";

// What verify-audit detects when someone who can write to the database tampers with the log
// (decision 0012). Each tampering runs in a transaction that is rolled back after the check.
let t: TestContext;
let files: { keyFile: string; checkpointFile: string };

beforeAll(async () => {
  t = await createTestContext();
  files = { keyFile: t.app.config.auditCheckpointKeyFile, checkpointFile: t.app.config.auditCheckpointFile };
  const root = (
    await queryRows<{ id: string }>(t.app.db, sql`select id from org_units where kind = 'country'`)
  )[0]!;
  for (let i = 0; i < 6; i++) {
    await t.app.db.transaction((tx) =>
      recordEvent(tx, {
        actorId: null,
        action: "org_unit.created",
        entityType: "org_unit",
        orgUnitId: root.id,
        data: { parentId: root.id, kind: "residential_area", name: `Khóm ${i}`, code: null },
      }),
    );
    await sealPendingAudit(t.app.db); // one batch, one checkpoint each
  }
});
afterAll(() => t.close());

async function sealedCount(db: Db = t.app.db): Promise<number> {
  const [r] = await queryRows<{ n: number }>(db, sql`select count(seq)::int as n from audit_log`);
  return r!.n;
}

const ROLLBACK = new Error("rollback");
/** Tampers inside a transaction, verifies what the tampering left, and rolls it all back. */
async function tampered(
  tamper: (tx: Db) => Promise<void>,
  options: Parameters<typeof verifyAuditChain>[1] = {},
): Promise<VerifyResult> {
  let result: VerifyResult | undefined;
  await t.app.db
    .transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
      await tx.execute(sql`alter table audit_checkpoints disable trigger audit_checkpoints_append_only`);
      await tamper(tx);
      result = await verifyAuditChain(tx, { ...files, ...options });
      throw ROLLBACK;
    })
    .catch((e: unknown) => {
      if (e !== ROLLBACK) throw e;
    });
  return result!;
}

/**
 * Rewrites the row at place `seq` and recomputes every later link and hash, as an administrator
 * who knows the hashing (but not the signing key) would.
 */
async function forgeFrom(tx: Db, seq: number): Promise<void> {
  const rows = await queryRows<{ id: number; seq: number; prevHash: string; data: unknown } & object>(
    tx,
    sql`select ${HASHED_COLUMNS}, seq::int, prev_hash as "prevHash" from audit_log where seq >= ${seq} order by seq`,
  );
  let prev = rows[0]!.prevHash;
  for (const row of rows) {
    const data = row.seq === seq ? { forged: true } : row.data;
    const hash = hashRow({
      ...(row as unknown as Parameters<typeof hashRow>[0]),
      id: Number(row.id),
      data,
      prevHash: prev,
    });
    await tx.execute(
      sql`update audit_log set data = ${JSON.stringify(data)}::jsonb, prev_hash = ${prev}, hash = ${hash} where id = ${row.id}`,
    );
    prev = hash;
  }
}

/** Appends a row by hand with a correct link and hash, as the sequencer would have. */
async function appendForged(tx: Db): Promise<void> {
  const [head] = await queryRows<{ seq: number; hash: string }>(
    tx,
    sql`select seq::int, hash from audit_log order by seq desc nulls last limit 1`,
  );
  const row = {
    id: 900_000_000,
    occurredAt: new Date().toISOString(),
    actorId: null,
    action: "auth.logout",
    entityType: "account",
    entityId: null,
    orgUnitId: null,
    data: {},
    prevHash: head!.hash,
  };
  await tx.execute(
    sql`insert into audit_log (id, occurred_at, action, entity_type, data, seq, prev_hash, hash)
        values (${row.id}, ${row.occurredAt}, ${row.action}, ${row.entityType}, '{}', ${head!.seq + 1}, ${row.prevHash}, ${hashRow(row)})`,
  );
}

describe("tampering by someone who can write to the database", () => {
  beforeAll(async () => {
    await sealPendingAudit(t.app.db);
  });

  it("a row changed without its hash", async () => {
    const r = await tampered((tx) =>
      tx.execute(sql`update audit_log set data = '{"i": 99}' where seq = 3`).then(() => undefined),
    );
    expect(r).toMatchObject({ ok: false, reason: "row content does not match its hash" });
  });

  it("a row rewritten with every later hash recomputed", async () => {
    const n = await sealedCount();
    const r = await tampered((tx) => forgeFrom(tx, n - 3));
    expect(r.ok).toBe(false);
    expect(r.reason).toMatch(
      /do not match the signed checkpoint of \d+ rows \(rewritten with recomputed hashes\)/,
    );
    expect(r.firstBadId).not.toBeNull();
  });

  it("the newest rows deleted, with their checkpoints: the file outside the database tells", async () => {
    // Back to the checkpoint before the newest, as if the last batch had never been sealed.
    const sizes = await queryRows<{ size: number }>(
      t.app.db,
      sql`select tree_size::int as size from audit_checkpoints order by tree_size desc limit 2`,
    );
    const [newest, previous] = sizes.map((r) => r.size) as [number, number];
    const drop = async (tx: Db) => {
      await tx.execute(sql`delete from audit_log where seq > ${previous}`);
      await tx.execute(sql`delete from audit_checkpoints where tree_size > ${previous}`);
    };
    const r = await tampered(drop);
    expect(r.ok).toBe(false);
    expect(r.reason).toMatch(new RegExp(`covers ${newest} rows but only ${previous} sealed rows remain`));
    // Without the file only the table speaks, and it was cleaned too: not detected (decision 0012).
    const blind = await tampered(drop, { checkpointFile: "/nonexistent/audit-checkpoints.log" });
    expect(blind).toMatchObject({ ok: true, checked: previous });
  });

  it("the newest rows deleted, their checkpoint kept", async () => {
    const n = await sealedCount();
    const r = await tampered(
      (tx) => tx.execute(sql`delete from audit_log where seq = ${n}`).then(() => undefined),
      { checkpointFile: "/nonexistent/audit-checkpoints.log" },
    );
    expect(r.ok).toBe(false);
    expect(r.reason).toMatch(/rows were deleted/);
  });

  it("a forged checkpoint, and rows appended outside the sequencer", async () => {
    const forged = await tampered((tx) =>
      tx
        .execute(
          sql`insert into audit_checkpoints (tree_size, head_hash, signed_at, key_id, signature)
              select tree_size + 1000, head_hash, signed_at, key_id, signature from audit_checkpoints
              order by tree_size desc limit 1`,
        )
        .then(() => undefined),
    );
    expect(forged).toMatchObject({ ok: false });
    expect(forged.reason).toMatch(/bad signature/);
    const appended = await tampered(appendForged);
    expect(appended).toMatchObject({ ok: false, firstBadId: 900_000_000 });
    expect(appended.reason).toMatch(/covered by no signed checkpoint/);
  });

  it("the sequencer refuses to sign over rows appended or deleted by hand", async () => {
    await tampered(async (tx) => {
      await appendForged(tx);
      await expect(new AuditSequencer(tx, files).sealOnce()).rejects.toThrow(
        /is not the newest signed checkpoint \(\d+ rows\); refusing to seal/,
      );
    });
    const sizes = await queryRows<{ size: number }>(
      t.app.db,
      sql`select tree_size::int as size from audit_checkpoints order by tree_size desc limit 2`,
    );
    await tampered(async (tx) => {
      const sequencer = new AuditSequencer(tx, files);
      await sequencer.sealOnce(); // it has signed the newest head
      await tx.execute(sql`delete from audit_log where seq > ${sizes[1]!.size}`);
      await tx.execute(sql`delete from audit_checkpoints where tree_size > ${sizes[1]!.size}`);
      await expect(sequencer.sealOnce()).rejects.toThrow(/but this process signed/);
    });
  });

  it("rows left unsealed (sequencer stopped, or a row withheld) are reported", async () => {
    const sequencer = auditSequencerOf(t.app.db)!;
    await sequencer.stop();
    try {
      await t.app.db.transaction((tx) =>
        recordEvent(tx, { actorId: null, action: "auth.logout", entityType: "account" }),
      );
      await new Promise((r) => setTimeout(r, 30));
      const r = await verifyAuditChain(t.app.db, { maxUnsealedSeconds: 0 });
      expect(r).toMatchObject({ ok: false, unsealed: 1 });
      expect(r.reason).toMatch(/1 rows are not sealed/);
      expect((await verifyAuditChain(t.app.db)).ok).toBe(true); // young rows are normal
    } finally {
      sequencer.start();
      await sealPendingAudit(t.app.db); // the row sealed now, not while a later test reads the head
    }
  });
});

describe("verify-audit over several pages, and its fast check of the head", () => {
  const paged = { batch: 2 }; // pages of 2 rows: every walk crosses many pages

  beforeAll(async () => {
    // Every test reads the head and then tampers with it: nothing may be sealed in between.
    await sealPendingAudit(t.app.db);
  });

  async function checkpointSizes(): Promise<number[]> {
    const rows = await queryRows<{ size: number }>(
      t.app.db,
      sql`select tree_size::int as size from audit_checkpoints order by tree_size`,
    );
    return rows.map((r) => r.size);
  }
  async function idAt(seq: number): Promise<number> {
    const [r] = await queryRows<{ id: number }>(
      t.app.db,
      sql`select id::int from audit_log where seq = ${seq}`,
    );
    return r!.id;
  }

  it("walks every page of an intact chain", async () => {
    const n = await sealedCount();
    expect(n).toBeGreaterThan(6);
    expect(await verifyAuditChain(t.app.db, paged)).toMatchObject({ ok: true, checked: n });
  });

  it("finds a row edited in the middle, pages away from the start, by the walk", async () => {
    const n = await sealedCount();
    const place = Math.ceil(n / 2);
    const r = await tampered(
      (tx) =>
        tx.execute(sql`update audit_log set data = '{"i": 99}' where seq = ${place}`).then(() => undefined),
      paged,
    );
    expect(r).toMatchObject({
      ok: false,
      firstBadId: await idAt(place),
      checked: place - 1,
      reason: "row content does not match its hash",
    });
  });

  it("names the first row after the last checkpoint still matched, when rewritten in the middle with hashes recomputed", async () => {
    const sizes = await checkpointSizes();
    const target = sizes.at(-4)!; // rewrite the row at a checkpoint's size, three checkpoints from the head
    const good = sizes.at(-5) ?? 0;
    const r = await tampered((tx) => forgeFrom(tx, target), paged);
    expect(r).toMatchObject({
      ok: false,
      firstBadId: await idAt(good + 1),
      reason: `rows at places ${good + 1}–${target} do not match the signed checkpoint of ${target} rows (rewritten with recomputed hashes)`,
    });
  });

  it("finds the newest row deleted without walking the chain", async () => {
    const n = await sealedCount();
    const r = await tampered(
      (tx) => tx.execute(sql`delete from audit_log where seq = ${n}`).then(() => undefined),
      paged,
    );
    expect(r).toMatchObject({ ok: false, firstBadId: null, checked: 0 });
    expect(r.reason).toMatch(
      new RegExp(`covers ${n} rows but only ${n - 1} sealed rows remain: rows were deleted`),
    );
  });
});
