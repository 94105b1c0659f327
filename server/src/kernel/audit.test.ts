import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestContext, type TestContext } from "../test/harness";
import { rootUnit, signedInAs, unitByCode } from "../test/factories";
import { canonicalJson, recordEvent, verifyAuditChain, type AuditEvent } from "./audit";

let t: TestContext;

beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe("audit chain", () => {
  it("canonical JSON ignores key order", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { e: 3, f: 2 }] }, b: 1 }),
    );
  });

  it("chains every event and verifies", async () => {
    const root = await rootUnit(t.app.db);
    for (let i = 0; i < 5; i++) {
      await t.app.db.transaction((tx) =>
        recordEvent(tx, {
          actorId: null,
          action: "org_unit.created",
          entityType: "org_unit",
          orgUnitId: root.id,
          data: { parentId: root.id, kind: "residential_area", name: `Khóm ${i}`, code: null },
        }),
      );
    }
    const r = await verifyAuditChain(t.app.db);
    expect(r).toMatchObject({ ok: true, firstBadId: null });
    expect(r.checked).toBeGreaterThanOrEqual(6);
  });

  it("keeps one unbroken chain under concurrent writers (a pool on PostgreSQL)", async () => {
    const root = await rootUnit(t.app.db);
    const before = await verifyAuditChain(t.app.db);
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        t.app.db.transaction((tx) =>
          recordEvent(
            tx,
            {
              actorId: null,
              action: "org_unit.created",
              entityType: "org_unit",
              orgUnitId: root.id,
              data: { parentId: root.id, kind: "residential_area", name: `Khóm ${i}`, code: null },
            },
            // Half of them carry a write in the same statement as the audit insert.
            i % 2 === 0 ? [sql`update org_units set name = name where id = ${root.id}`] : [],
          ),
        ),
      ),
    );
    const after = await verifyAuditChain(t.app.db);
    expect(after).toMatchObject({ ok: true, firstBadId: null });
    expect(after.checked).toBe(before.checked + 24);
  });

  it("rolls the event back with the write it belongs to", async () => {
    const before = await verifyAuditChain(t.app.db);
    await expect(
      t.app.db.transaction(async (tx) => {
        await recordEvent(tx, { actorId: null, action: "auth.logout", entityType: "account" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect((await verifyAuditChain(t.app.db)).checked).toBe(before.checked);
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

  it("refuses UPDATE and DELETE through SQL", async () => {
    await expect(t.app.db.execute(sql`update audit_log set action = 'x' where id = 1`)).rejects.toThrow();
    await expect(t.app.db.execute(sql`delete from audit_log where id = 1`)).rejects.toThrow();
  });

  it("names the first tampered row, even when the trigger is bypassed", async () => {
    await t.app.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    await t.app.db.execute(sql`update audit_log set data = '{"i": 99, "tên": "Khóm"}' where id = 3`);
    await t.app.db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
    const r = await verifyAuditChain(t.app.db);
    expect(r).toMatchObject({ ok: false, firstBadId: 3, reason: "row content does not match its hash" });
  });

  it("exposes verification to administrators only", async () => {
    const admin = await signedInAs(t.app, "system_admin", (await rootUnit(t.app.db)).id);
    const res = await call(t.app, admin, "GET", "/api/v1/audit-events/verify");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: false, firstBadId: 3 });
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
