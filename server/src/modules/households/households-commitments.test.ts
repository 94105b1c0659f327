import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "../../test/harness";
import { lastAuditEvent } from "../../test/factories";
import { addHousehold, buildWorld, type ErrorBody, type World } from "./households.fixtures";

let w: World;
const YEAR = new Date().getUTCFullYear();

beforeAll(async () => {
  w = await buildWorld();
});
afterAll(() => w.t.close());

const issues = (body: string) => JSON.parse(body) as ErrorBody;

describe("recordCommitment", () => {
  let id: string;
  beforeAll(async () => {
    id = await addHousehold(w, w.baclieu, { orgUnitId: w.areaA, headName: "Mai Văn Long" });
  });
  const url = () => `/api/v1/households/${id}/commitments`;
  const body = { year: YEAR, signedOn: `${YEAR}-01-20`, formVersion: "Mẫu 01/2025" };

  it("401 without a session", async () => {
    expect((await call(w.t.app, null, "POST", url(), body)).statusCode).toBe(401);
  });

  it("400 with exact messages", async () => {
    const cases: [object, { path: string; message: string }][] = [
      [
        { ...body, signedOn: "2099-01-01", year: 2099 },
        { path: "signedOn", message: "Ngày không được ở tương lai" },
      ],
      [
        { ...body, signedOn: `${YEAR - 1}-12-31` },
        { path: "signedOn", message: `Ngày ký phải thuộc năm ${YEAR}` },
      ],
      [
        { ...body, formVersion: "x".repeat(51) },
        { path: "formVersion", message: "Phiên bản mẫu cam kết tối đa 50 ký tự" },
      ],
      [
        { ...body, scanPath: "/etc/passwd" },
        { path: "", message: 'Khóa không được nhận dạng: "scanPath"' },
      ],
    ];
    for (const [payload, issue] of cases) {
      const res = await call(w.t.app, w.baclieu, "POST", url(), payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(issues(res.body).error.issues).toEqual([issue]);
    }
  });

  it("404 out of scope, 403 for a viewer", async () => {
    expect((await call(w.t.app, w.anxuyen, "POST", url(), body)).statusCode).toBe(404);
    expect((await call(w.t.app, w.viewer, "POST", url(), body)).statusCode).toBe(403);
  });

  it("records the commitment with its audit event; a second one the same year is 409", async () => {
    const res = await call(w.t.app, w.baclieu, "POST", url(), body);
    expect(res.statusCode).toBe(201);
    const c = res.json<{ id: string; year: number; hasScan: boolean }>();
    expect(c).toMatchObject({ year: YEAR, hasScan: false });
    const ev = await lastAuditEvent(w.t.app.db);
    expect(ev).toMatchObject({ action: "commitment.recorded", entityId: c.id, orgUnitId: w.areaA });
    expect(ev?.data).toMatchObject({ householdId: id, year: YEAR });
    const again = await call(w.t.app, w.baclieu, "POST", url(), { ...body, signedOn: `${YEAR}-02-01` });
    expect(again.statusCode).toBe(409);
    expect(issues(again.body).error.message).toBe(`Hộ đã có cam kết năm ${YEAR}`);
  });

  it("400 when the household moved out before the signing date", async () => {
    const moved = await addHousehold(w, w.baclieu, { orgUnitId: w.areaA, headName: "Tô Văn Nam" });
    const patch = await call(w.t.app, w.baclieu, "PATCH", `/api/v1/households/${moved}`, {
      movedOutOn: `${YEAR}-01-10`,
    });
    expect(patch.statusCode).toBe(200);
    const res = await call(w.t.app, w.baclieu, "POST", `/api/v1/households/${moved}/commitments`, body);
    expect(res.statusCode).toBe(400);
    expect(issues(res.body).error.issues).toEqual([
      { path: "signedOn", message: `Hộ đã chuyển đi từ ngày 10/01/${YEAR}` },
    ]);
  });
});
