// Shared set-up for the groups tests (not a test file itself).
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { queryRows } from "../../db/client";
import {
  createResidentialArea,
  lastAuditEvent,
  rootUnit,
  signedInAs,
  unitByCode,
} from "../../test/factories";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import { activities } from "../activities/activities.table";
import { seedGroupTypes } from "./index";

export type World = {
  t: TestContext;
  admin: Session;
  /** Commune Front of Phường Bạc Liêu (31825). */
  baclieu: Session;
  /** Commune Front of Phường An Xuyên (32002). */
  anxuyen: Session;
  viewer: Session;
  baclieuId: string;
  anxuyenId: string;
};

export async function buildWorld(): Promise<World> {
  const t = await createTestContext();
  const db = t.app.db;
  await seedGroupTypes(db);
  await seedGroupTypes(db); // idempotent
  const baclieuId = (await unitByCode(db, "commune", "31825")).id;
  const anxuyenId = (await unitByCode(db, "commune", "32002")).id;
  return {
    t,
    admin: await signedInAs(t.app, "system_admin", (await rootUnit(db)).id),
    baclieu: await signedInAs(t.app, "commune_front", baclieuId),
    anxuyen: await signedInAs(t.app, "commune_front", anxuyenId),
    viewer: await signedInAs(t.app, "viewer", baclieuId),
    baclieuId,
    anxuyenId,
  };
}

export const newArea = (w: World, communeId?: string) =>
  createResidentialArea(w.t.app.db, communeId ?? w.baclieuId);

/** Creates a group through the API and returns its id (fails the test on anything but 201). */
export async function makeGroup(
  w: World,
  orgUnitId: string,
  overrides: Record<string, unknown> = {},
  session: Session = w.baclieu,
): Promise<string> {
  const res = await call(w.t.app, session, "POST", "/api/v1/groups", {
    orgUnitId,
    typeCode: "self_management_group",
    name: `Tổ ${Math.random().toString(36).slice(2, 8)}`,
    foundedOn: "2020-01-01",
    ...overrides,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

export async function addMember(w: World, groupId: string, body: Record<string, unknown>) {
  return call(w.t.app, w.baclieu, "POST", `/api/v1/groups/${groupId}/members`, {
    fullName: "Nguyễn Văn A",
    ...body,
  });
}

/** Records an activity straight into the activities table at a unit on a date. */
export async function recordActivity(w: World, orgUnitId: string, date: string) {
  const [u] = await queryRows<{ rollupPath: string; provinceId: string | null }>(
    w.t.app.db,
    sql`select rollup_path as "rollupPath", province_id as "provinceId" from org_units where id = ${orgUnitId}`,
  );
  await w.t.app.db
    .insert(activities)
    .values({ orgUnitId, provinceId: u!.provinceId, rollupPath: u!.rollupPath, kind: "meeting", date });
}

/** ISO date `months` months and `days` days after `iso` (negative to go back). */
export function shift(iso: string, months: number, days = 0): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Request helpers bound to a world that a test file builds in beforeAll. */
export function helpers(world: () => World) {
  const api = (s: Session | null, method: "GET" | "POST", url: string, body?: unknown) =>
    call(world().t.app, s, method, `/api/v1${url}`, body);
  async function expectAudit(action: string, entityId: string, data: Record<string, unknown> = {}) {
    const ev = await lastAuditEvent(world().t.app.db);
    expect(ev).toMatchObject({ action, entityType: "group", entityId, actorId: world().baclieu.accountId });
    expect(ev?.data).toMatchObject(data);
  }
  async function expectNothingWritten(before: Awaited<ReturnType<typeof lastAuditEvent>>) {
    expect((await lastAuditEvent(world().t.app.db))?.id).toBe(before?.id);
  }
  return { api, expectAudit, expectNothingWritten };
}
