import fs from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, queryRows } from "../db/client";
import { call, createTestContext, type TestContext } from "../test/harness";
import { rootUnit, signedInAs, unitByCode } from "../test/factories";
import { canonicalJson, canonicalValue, recordEvent, type AuditEvent } from "./audit";
import { verifyAuditChain } from "./audit-verify";
import { readNewestFileCheckpoint } from "./audit-checkpoint";
import { AuditSequencer, sealPendingAudit } from "./audit-sequencer";

let t: TestContext;
let files: { keyFile: string; checkpointFile: string };

beforeAll(async () => {
  t = await createTestContext();
  files = { keyFile: t.app.config.auditCheckpointKeyFile, checkpointFile: t.app.config.auditCheckpointFile };
});
afterAll(() => t.close());

const unitEvent = (orgUnitId: string, name: string): AuditEvent => ({
  actorId: null,
  action: "org_unit.created",
  entityType: "org_unit",
  orgUnitId,
  data: { parentId: orgUnitId, kind: "residential_area", name, code: null },
});

describe("audit chain", () => {
  it("canonical JSON ignores key order", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { e: 3, f: 2 }] }, b: 1 }),
    );
  });

  it("canonicalValue is what re-reading the canonical JSON gives, without the string", () => {
    const samples: unknown[] = [
      { b: 1, a: { d: [1, { f: 2, e: 3 }], c: null }, u: undefined },
      [undefined, NaN, -0, Infinity, "x", true, null, { z: [] }],
      { when: new Date("2026-12-05T00:00:00Z"), hours: 1.25, tags: ["a"], n: { m: { l: "đ" } } },
      JSON.parse('{"__proto__": {"x": 1}, "10": "ten", "2": "two", "b": "bee"}'),
      "text",
      7,
      null,
      undefined,
    ];
    for (const v of samples) {
      const parsed: unknown = JSON.parse(canonicalJson(v));
      expect(canonicalValue(v)).toStrictEqual(parsed);
      expect(JSON.stringify(canonicalValue(v))).toBe(JSON.stringify(parsed));
    }
  });

  it("appends unsealed rows under no shared lock; the sequencer chains and signs them", async () => {
    const root = await rootUnit(t.app.db);
    await sealPendingAudit(t.app.db);
    const before = await verifyAuditChain(t.app.db);
    await t.app.db.transaction(async (tx) => {
      await recordEvent(tx, unitEvent(root.id, "Khóm 0"));
      const locks = await queryRows<{ n: number }>(
        tx,
        // This write's own connection: other test files' sequencers may hold theirs meanwhile.
        sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()`,
      );
      expect(locks[0]!.n).toBe(0);
    });
    for (let i = 1; i < 5; i++) {
      await t.app.db.transaction((tx) => recordEvent(tx, unitEvent(root.id, `Khóm ${i}`)));
    }
    await sealPendingAudit(t.app.db);
    const rows = await queryRows<{ seq: number; prevHash: string; hash: string }>(
      t.app.db,
      sql`select seq, prev_hash as "prevHash", hash from audit_log order by seq desc limit 5`,
    );
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.seq !== null && /^[0-9a-f]{64}$/.test(r.hash))).toBe(true);
    expect(rows[0]!.prevHash).toBe(rows[1]!.hash);
    const r = await verifyAuditChain(t.app.db);
    expect(r).toMatchObject({ ok: true, firstBadId: null, unsealed: 0 });
    expect(r.checked).toBe(before.checked + 5);
    // The newest checkpoint is in the table and in the file outside the database (mode 0600).
    const fromFile = readNewestFileCheckpoint(files.checkpointFile);
    expect(fromFile).toMatchObject({ treeSize: r.checked });
    expect(r.checkpoint).toMatchObject({ treeSize: r.checked, source: "file" });
    expect(fs.statSync(files.checkpointFile).mode & 0o777).toBe(0o600);
    expect(fs.statSync(files.keyFile).mode & 0o777).toBe(0o600);
  });

  // The lag itself (p99 ≤ 1 s under load) is measured by bench/audit-sealing.ts; here only that the
  // sequencer seals on its own, with a deadline a busy CI machine cannot miss.
  it("seals in the background, with no one asking", async () => {
    const root = await rootUnit(t.app.db);
    await t.app.db.transaction((tx) => recordEvent(tx, unitEvent(root.id, "Khóm nền")));
    const t0 = Date.now();
    const unsealed = async () =>
      (
        await queryRows<{ n: number }>(
          t.app.db,
          sql`select count(*)::int as n from audit_log where seq is null`,
        )
      )[0]!.n;
    while ((await unsealed()) > 0 && Date.now() - t0 < 20_000) await new Promise((r) => setTimeout(r, 20));
    expect((await verifyAuditChain(t.app.db)).unsealed).toBe(0);
    console.log(`audit row sealed in the background after ${Date.now() - t0} ms`);
  });

  it("keeps one unbroken chain under concurrent writers (a pool on PostgreSQL)", async () => {
    const root = await rootUnit(t.app.db);
    await sealPendingAudit(t.app.db);
    const before = await verifyAuditChain(t.app.db);
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        t.app.db.transaction((tx) =>
          recordEvent(
            tx,
            unitEvent(root.id, `Khóm ${i}`),
            // Half of them carry a write in the same statement as the audit insert.
            i % 2 === 0 ? [sql`update org_units set name = name where id = ${root.id}`] : [],
          ),
        ),
      ),
    );
    await sealPendingAudit(t.app.db);
    const after = await verifyAuditChain(t.app.db);
    expect(after).toMatchObject({ ok: true, firstBadId: null });
    expect(after.checked).toBe(before.checked + 24);
  });

  it.runIf(process.env.DATABASE_URL)(
    "seals a row whose transaction took a lower id but committed later, after the others",
    async () => {
      const root = await rootUnit(t.app.db);
      let wrote!: () => void;
      let release!: () => void;
      const written = new Promise<void>((r) => (wrote = r));
      const held = new Promise<void>((r) => (release = r));
      const slow = t.app.db.transaction(async (tx) => {
        await recordEvent(tx, unitEvent(root.id, "Chậm"));
        wrote();
        await held;
      });
      await written;
      // Commits while the slow writer is still open: no lock is shared between them.
      await t.app.db.transaction((tx) => recordEvent(tx, unitEvent(root.id, "Nhanh")));
      await sealPendingAudit(t.app.db);
      release();
      await slow;
      await sealPendingAudit(t.app.db);
      const [a, b] = await queryRows<{ name: string; id: number; seq: number }>(
        t.app.db,
        sql`select data->>'name' as name, id::int, seq::int from audit_log
            where data->>'name' in ('Chậm', 'Nhanh') order by id`,
      );
      expect(a!.name).toBe("Chậm");
      expect(a!.seq).toBeGreaterThan(b!.seq);
      expect(await verifyAuditChain(t.app.db)).toMatchObject({ ok: true });
    },
  );

  it.runIf(process.env.DATABASE_URL)(
    "lets one leader seal at a time when two processes' sequencers race (PostgreSQL)",
    async () => {
      const root = await rootUnit(t.app.db);
      // A second "process": its own pool on the same database, its own sequencer.
      const url = (t.database.pool!.options as { connectionString: string }).connectionString;
      const other = await openDatabase({ databaseUrl: url });
      try {
        const a = new AuditSequencer(t.app.db, files);
        const b = new AuditSequencer(other.db, files);
        const writes = Array.from({ length: 60 }, (_, i) =>
          (i % 2 ? other.db : t.app.db).transaction((tx) => recordEvent(tx, unitEvent(root.id, `Đua ${i}`))),
        );
        const seals = Array.from({ length: 10 }, (_, i) => (i % 2 ? b : a).sealOnce());
        await Promise.all([...writes, ...seals]);
        await a.sealAll();
        const r = await verifyAuditChain(t.app.db);
        expect(r).toMatchObject({ ok: true, unsealed: 0 });
      } finally {
        await other.close();
      }
    },
  );

  it("rolls the event back with the write it belongs to", async () => {
    const [{ n: before }] = (await queryRows<{ n: number }>(
      t.app.db,
      sql`select count(*)::int as n from audit_log`,
    )) as [{ n: number }];
    await expect(
      t.app.db.transaction(async (tx) => {
        await recordEvent(tx, { actorId: null, action: "auth.logout", entityType: "account" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const [{ n: after }] = (await queryRows<{ n: number }>(
      t.app.db,
      sql`select count(*)::int as n from audit_log`,
    )) as [{ n: number }];
    expect(after).toBe(before);
  });

  it("types each action's data (a wrong shape does not compile)", () => {
    const event = (e: AuditEvent) => e;
    const base = { actorId: null, entityType: "household_commitment" } as const;
    const householdId = "00000000-0000-4000-8000-000000000000";
    const ok = event({
      ...base,
      action: "commitment.recorded",
      data: { householdId, year: 2026, signedOn: "2026-01-05", formVersion: "v1" },
    });
    expect(ok.action).toBe("commitment.recorded");
    event({
      ...base,
      action: "commitment.recorded",
      // @ts-expect-error -- household.created's data under commitment.recorded
      data: { members: 3, memberOrgs: [], code: null },
    });
    // @ts-expect-error -- commitment.recorded must say which household and year
    event({ ...base, action: "commitment.recorded" });
    // An action that stores nothing takes no data.
    event({ ...base, action: "auth.login" });
    // @ts-expect-error -- nor any
    event({ ...base, action: "auth.login", data: { ip: "203.0.113.9" } });
  });

  it("refuses UPDATE and DELETE through SQL, but the sealing of an unsealed row", async () => {
    await expect(t.app.db.execute(sql`update audit_log set action = 'x' where id = 1`)).rejects.toThrow();
    await expect(
      t.app.db.execute(sql`update audit_log set seq = seq + 100000 where id = 1`),
    ).rejects.toThrow();
    await expect(t.app.db.execute(sql`delete from audit_log where id = 1`)).rejects.toThrow();
    await expect(t.app.db.execute(sql`delete from audit_checkpoints`)).rejects.toThrow();
  });

  it("names the first tampered row, even when the trigger is bypassed", async () => {
    await sealPendingAudit(t.app.db);
    await t.app.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    await t.app.db.execute(sql`update audit_log set data = '{"i": 99, "tên": "Khóm"}' where seq = 3`);
    await t.app.db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
    const [{ id }] = (await queryRows<{ id: number }>(
      t.app.db,
      sql`select id::int from audit_log where seq = 3`,
    )) as [{ id: number }];
    const r = await verifyAuditChain(t.app.db);
    expect(r).toMatchObject({ ok: false, firstBadId: id, reason: "row content does not match its hash" });
  });

  it("exposes verification to administrators only", async () => {
    const [{ id }] = (await queryRows<{ id: number }>(
      t.app.db,
      sql`select id::int from audit_log where seq = 3`,
    )) as [{ id: number }];
    const admin = await signedInAs(t.app, "system_admin", (await rootUnit(t.app.db)).id);
    const res = await call(t.app, admin, "GET", "/api/v1/audit-events/verify");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: false, firstBadId: id });
    const logins = await call(t.app, admin, "GET", "/api/v1/audit-events?action=auth.login&limit=5");
    expect(logins.json().items.map((e: { actorId: string }) => e.actorId)).toContain(admin.accountId);
    const cadre = await signedInAs(
      t.app,
      "province_front",
      (await unitByCode(t.app.db, "province", "96")).id,
    );
    expect((await call(t.app, cadre, "GET", "/api/v1/audit-events/verify")).statusCode).toBe(403);
    expect((await call(t.app, null, "GET", "/api/v1/audit-events")).statusCode).toBe(401);
  });
});
