import { NoopLogger, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { queryRows } from "../../db/client";
import { createResidentialArea, signedInAs, unitByCode } from "../../test/factories";
import { call, createTestContext, secondApp, type Session, type TestContext } from "../../test/harness";

/**
 * What each process keeps of the units and bodies a session's writes name (places.ts): a change
 * made through one process — here straight in the database, as the unit import, the reform or an
 * admin command would make it — is seen by the very next write on the other (secondApp: fresh
 * modules on the same database, as another process), and the scope is still checked per request.
 */
let t: TestContext;
let other: FastifyInstance;
let baclieuId: string;
let anxuyenPath: string;

beforeAll(async () => {
  t = await createTestContext({}, { sharedState: true });
  other = await secondApp(t);
  baclieuId = (await unitByCode(t.app.db, "commune", "31825")).id;
  anxuyenPath = (await unitByCode(t.app.db, "commune", "32002")).path;
}, 300_000);
afterAll(async () => {
  await other?.close();
  await t?.close();
});

const bodyAt = async (unitId: string, kind: string) =>
  (
    await queryRows<{ id: string }>(
      t.app.db,
      sql`select id from bodies where org_unit_id = ${unitId} and kind = ${kind}`,
    )
  )[0]!.id;

type Written = { status: number; unit?: string; organizers?: string[]; issues?: unknown };

async function write(
  app: FastifyInstance,
  s: Session,
  orgUnitId: string,
  organizerBodyIds: string[],
  date = "2026-03-15",
) {
  const res = await call(app, s, "POST", "/api/v1/activities", {
    orgUnitId,
    kind: "propaganda_session",
    date,
    organizerBodyIds,
    topics: ["drugs"],
    attendees: 10,
  });
  const body = res.json<{
    orgUnitName?: string;
    organizers?: { name: string }[];
    error?: { issues?: unknown };
  }>();
  return {
    status: res.statusCode,
    unit: body.orgUnitName,
    organizers: body.organizers?.map((o) => o.name),
    issues: body.error?.issues,
  } satisfies Written;
}

/** Writes at the area through both processes; answers what each answered. */
const onBoth = async (s: Session, areaId: string, bodies: string[], date?: string) => [
  await write(t.app, s, areaId, bodies, date),
  await write(other, s, areaId, bodies, date),
];

async function freshArea() {
  const areaId = await createResidentialArea(t.app.db, baclieuId);
  const front = await bodyAt(areaId, "front");
  const police = await bodyAt(baclieuId, "police");
  const s = await signedInAs(t.app, "commune_front", baclieuId);
  // Both processes have the unit and the bodies kept for this session.
  for (const w of await onBoth(s, areaId, [front, police])) expect(w.status).toBe(201);
  return { areaId, front, police, s };
}

describe("the units a session's writes name, kept by each process", () => {
  it("a second write at the same unit does not ask the database about the unit", async () => {
    const { areaId, front, police, s } = await freshArea();
    const sent: string[] = [];
    const spy = vi.spyOn(NoopLogger.prototype, "logQuery").mockImplementation((...args: unknown[]) => {
      sent.push(String(args[0]));
    });
    try {
      expect((await write(t.app, s, areaId, [police, front])).status).toBe(201);
    } finally {
      spy.mockRestore();
    }
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter((q) => /from org_units u/.test(q))).toEqual([]);
  });

  it("a renamed unit and a renamed body are the next write's names on both processes", async () => {
    const { areaId, front, police, s } = await freshArea();
    await t.app.db.execute(
      sql`update org_units set full_name = 'Khóm Mới', name = 'Khóm Mới' where id = ${areaId}`,
    );
    await t.app.db.execute(sql`update bodies set name = 'Công an phường (mới)' where id = ${police}`);
    for (const w of await onBoth(s, areaId, [front, police])) {
      expect(w).toMatchObject({ status: 201, unit: "Khóm Mới" });
      expect(w.organizers).toContain("Công an phường (mới)");
    }
  });

  it("a unit merged into one outside the caller's scope is 404 on both at once", async () => {
    const { areaId, front, police, s } = await freshArea();
    // As the reform merges a unit: it rolls up into another commune from now on.
    await t.app.db.execute(
      sql`update org_units set rollup_path = ${anxuyenPath} || id || '/' where id = ${areaId}`,
    );
    for (const w of await onBoth(s, areaId, [front, police])) expect(w.status).toBe(404);
  });

  it("a dissolved unit refuses later dates on both at once; a deleted body is refused", async () => {
    const { areaId, front, police, s } = await freshArea();
    await t.app.db.execute(sql`update org_units set valid_to = '2026-03-01' where id = ${areaId}`);
    for (const w of await onBoth(s, areaId, [front, police])) {
      expect(w.status).toBe(400);
      expect(w.issues).toEqual([
        { path: "date", message: "Đơn vị này chỉ còn hiệu lực đến ngày 01/03/2026" },
      ]);
    }
    for (const w of await onBoth(s, areaId, [front, police], "2026-02-20")) expect(w.status).toBe(201);
    // A body of the area, named by a write on each process, then removed (its records first).
    const extra = await bodyAt(areaId, "youth");
    for (const w of await onBoth(s, areaId, [front, extra], "2026-02-20")) expect(w.status).toBe(201);
    await t.app.db.execute(sql`delete from activity_organizers where body_id = ${extra}`);
    await t.app.db.execute(sql`delete from bodies where id = ${extra}`);
    for (const w of await onBoth(s, areaId, [front, extra], "2026-02-20")) {
      expect(w.status).toBe(400);
      expect(w.issues).toEqual([{ path: "organizerBodyIds.1", message: "Không tìm thấy đơn vị tổ chức" }]);
    }
  });

  it("checks the scope on every request: a unit kept for one session is 404 to another", async () => {
    const { areaId, front, police } = await freshArea();
    const anxuyen = await signedInAs(
      t.app,
      "commune_front",
      (await unitByCode(t.app.db, "commune", "32002")).id,
    );
    for (const w of await onBoth(anxuyen, areaId, [front, police])) expect(w.status).toBe(404);
  });
});
