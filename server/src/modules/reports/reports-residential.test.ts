// A ward's yearly review written from its residential areas' reports: the areas' cadres write and
// submit their own report, the ward approves it (the level above), compiles its review from them,
// and the province sees who has reported.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import { createResidentialArea, signedInAs, unitByCode } from "../../test/factories";

let t: TestContext;
let ward: string;
let province: string;
let areaA: string;
let areaB: string;
let cadreA: Session;
let cadreB: Session;
let wardFront: Session;
let wardPolice: Session;
let provinceFront: Session;

const year = new Date().getUTCFullYear() - 1;
const yearly = (orgUnitId: string, issuingBody: string) => ({
  orgUnitId,
  template: "yearly",
  year,
  issuingBody,
  symbol: "BC-BCTMT",
  place: "Bạc Liêu",
  issuedOn: `${year}-12-20`,
  recipients: [],
  signerTitle: "Trưởng ban",
  signerName: "Nguyễn Văn Khóm",
});
const post = (s: Session, url: string, body?: unknown) => call(t.app, s, "POST", `/api/v1${url}`, body);
const get = (s: Session, url: string) => call(t.app, s, "GET", `/api/v1${url}`);

beforeAll(async () => {
  t = await createTestContext();
  const db = t.app.db;
  province = (await unitByCode(db, "province", "96")).id;
  ward = (await unitByCode(db, "commune", "31825")).id;
  areaA = await createResidentialArea(db, ward, "Khóm 1");
  areaB = await createResidentialArea(db, ward, "Khóm 2");
  cadreA = await signedInAs(t.app, "residential_area_cadre", areaA);
  cadreB = await signedInAs(t.app, "residential_area_cadre", areaB);
  wardFront = await signedInAs(t.app, "commune_front", ward);
  wardPolice = await signedInAs(t.app, "commune_police", ward);
  provinceFront = await signedInAs(t.app, "province_front", province);
});
afterAll(() => t.close());

async function lastEvent(entityId: string) {
  const [row] = await queryRows<{ action: string; data: Record<string, unknown> }>(
    t.app.db,
    sql`select action, data from audit_log where entity_id = ${entityId} order by id desc limit 1`,
  );
  return row;
}

describe("residential areas report to their ward", () => {
  it("an area's cadre writes and submits; the ward approves; the ward compiles its review from them", async () => {
    const created = await post(cadreA, "/reports", yearly(areaA, "Ban Công tác Mặt trận Khóm 1"));
    expect(created.statusCode, created.body).toBe(201);
    const a = created.json();
    expect(a.can).toMatchObject({ edit: true, submit: true, review: false });
    const sections = a.sections.map((s: { key: string; text: string }) =>
      s.key === "proposals" ? { ...s, text: "Đề nghị phường bổ sung đèn chiếu sáng đường hẻm." } : s,
    );
    expect((await call(t.app, cadreA, "PATCH", `/api/v1/reports/${a.id}`, { sections })).statusCode).toBe(
      200,
    );
    expect((await post(cadreA, `/reports/${a.id}/submit`)).statusCode).toBe(200);
    // An area cannot approve its own report, nor may another area.
    expect((await post(cadreA, `/reports/${a.id}/approve`)).statusCode).toBe(403);
    expect((await get(cadreB, `/reports/${a.id}`)).statusCode).toBe(404);
    // The ward is the level above: it sees the report awaiting and approves it.
    const seen = (await get(wardFront, `/reports/${a.id}`)).json();
    expect(seen.can.review).toBe(true);
    const approved = await post(wardFront, `/reports/${a.id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().status).toBe("approved");
    expect(await lastEvent(a.id)).toMatchObject({ action: "report.approved" });

    // The second area submits but is not approved yet.
    const b = (await post(cadreB, "/reports", yearly(areaB, "Ban Công tác Mặt trận Khóm 2"))).json();
    expect((await post(cadreB, `/reports/${b.id}/submit`)).statusCode).toBe(200);

    const review = (
      await post(wardFront, "/reports", {
        ...yearly(ward, "Ủy ban MTTQ Việt Nam phường Bạc Liêu"),
        symbol: "BC-MTTQ",
      })
    ).json();
    // The ward cannot approve its own report: only the level above may.
    expect((await post(wardFront, `/reports/${review.id}/submit`)).statusCode).toBe(200);
    expect((await post(wardFront, `/reports/${review.id}/approve`)).statusCode).toBe(403);
    expect(
      (await post(provinceFront, `/reports/${review.id}/return`, { comment: "Tổng hợp khóm" })).statusCode,
    ).toBe(200);

    const compiled = await post(wardFront, `/reports/${review.id}/compile`);
    expect(compiled.statusCode, compiled.body).toBe(200);
    const r = compiled.json();
    expect(r.compiled.children.map((c: { orgUnitId: string }) => c.orgUnitId)).toEqual([areaA]);
    expect(r.compiled.missing.map((m: { orgUnitId: string }) => m.orgUnitId)).toContain(areaB);
    const text = r.sections.find((s: { key: string }) => s.key === "compiled").text as string;
    expect(text).toContain("Đề nghị phường bổ sung đèn chiếu sáng đường hẻm.");
    expect(await lastEvent(review.id)).toMatchObject({
      action: "report.compiled",
      data: { children: 1, missing: r.compiled.missing.length },
    });

    // Completeness of the ward's areas, read by the ward and by the province.
    for (const s of [wardFront, provinceFront]) {
      const c = (await get(s, `/reports/${review.id}/completeness`)).json();
      expect(c.total).toBeGreaterThanOrEqual(2);
      const state = (id: string) => c.children.find((x: { orgUnitId: string }) => x.orgUnitId === id)?.state;
      expect(state(areaA)).toBe("approved");
      expect(state(areaB)).toBe("submitted");
    }
  });

  it("the commune police approve too; an area cadre reports only for its own area", async () => {
    const b = (
      await post(cadreB, "/reports", { ...yearly(areaB, "Tổ bảo vệ ANTT Khóm 2"), number: "7" })
    ).json();
    expect((await post(cadreB, `/reports/${b.id}/submit`)).statusCode).toBe(200);
    expect((await post(wardPolice, `/reports/${b.id}/approve`)).statusCode).toBe(200);
    const other = await post(cadreB, "/reports", yearly(areaA, "Ban Công tác Mặt trận Khóm 1"));
    expect(other.statusCode).toBe(404);
    const atWard = await post(cadreB, "/reports", yearly(ward, "Ủy ban MTTQ phường"));
    expect(atWard.statusCode).toBe(404);
  });
});
