import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "../../test/harness";
import { lastAuditEvent } from "../../test/factories";
import { addHousehold, buildWorld, sign, type ErrorBody, type World } from "./households.fixtures";

let w: World;
const YEAR = new Date().getUTCFullYear();

type Household = {
  id: string;
  orgUnitId: string;
  headName: string;
  memberOrgs: string[];
  movedOutOn: string | null;
  lastSignedYear: number | null;
  code: string | null;
  commitments?: { year: number; signedOn: string; formVersion: string; hasScan: boolean }[];
};
type Page = { items: Household[]; nextCursor: string | null };

beforeAll(async () => {
  w = await buildWorld();
});
afterAll(() => w.t.close());

const issues = (body: string) => JSON.parse(body) as ErrorBody;

describe("createHousehold", () => {
  const url = "/api/v1/households";

  it("401 without a session", async () => {
    const res = await call(w.t.app, null, "POST", url, { orgUnitId: w.areaA });
    expect(res.statusCode).toBe(401);
  });

  it("403 for a viewer", async () => {
    const res = await call(w.t.app, w.viewer, "POST", url, {
      orgUnitId: w.areaA,
      headName: "A",
      address: "B",
      members: 1,
    });
    expect(res.statusCode).toBe(403);
  });

  it("400 with exact messages: members out of range, unknown organisation", async () => {
    const res = await call(w.t.app, w.baclieu, "POST", url, {
      orgUnitId: w.areaA,
      headName: "Lê Thị Bình",
      address: "3 Hai Bà Trưng",
      members: 51,
      memberOrgs: ["front"],
    });
    expect(res.statusCode).toBe(400);
    expect(issues(res.body).error.issues).toEqual(
      expect.arrayContaining([
        { path: "members", message: "Số nhân khẩu từ 1 đến 50" },
        { path: "memberOrgs.0", message: "Tổ chức thành viên không hợp lệ" },
      ]),
    );
  });

  it("400 on orgUnitId when the unit is not a residential area", async () => {
    const res = await call(w.t.app, w.baclieu, "POST", url, {
      orgUnitId: w.baclieuId,
      headName: "Lê Thị Bình",
      address: "3 Hai Bà Trưng",
      members: 2,
    });
    expect(res.statusCode).toBe(400);
    expect(issues(res.body).error.issues).toEqual([
      { path: "orgUnitId", message: "Hộ gia đình phải thuộc một khu dân cư đang có hiệu lực" },
    ]);
  });

  it("404 for an area outside the caller's scope", async () => {
    const res = await call(w.t.app, w.anxuyen, "POST", url, {
      orgUnitId: w.areaA,
      headName: "Lê Thị Bình",
      address: "3 Hai Bà Trưng",
      members: 2,
    });
    expect(res.statusCode).toBe(404);
  });

  it("creates a household and records the audit event without personal data", async () => {
    const res = await call(w.t.app, w.baclieu, "POST", url, {
      orgUnitId: w.areaA,
      headName: "Trần Văn Cường",
      address: "45 Nguyễn Huệ",
      members: 5,
      memberOrgs: ["farmers", "women"],
      code: "A-001",
    });
    expect(res.statusCode).toBe(201);
    const h = res.json<Household>();
    expect(h).toMatchObject({
      orgUnitId: w.areaA,
      headName: "Trần Văn Cường",
      code: "A-001",
      lastSignedYear: null,
    });
    const ev = await lastAuditEvent(w.t.app.db);
    expect(ev).toMatchObject({ action: "household.created", entityId: h.id, orgUnitId: w.areaA });
    expect(ev?.data).toEqual({ members: 5, memberOrgs: ["farmers", "women"], code: "A-001" });
  });

  it("409 on a register number already used in the area (but fine in another area)", async () => {
    const body = { headName: "Phạm Thị Dung", address: "7 Lê Lợi", members: 3, code: "A-002" };
    await addHousehold(w, w.baclieu, { orgUnitId: w.areaA, ...body });
    const res = await call(w.t.app, w.baclieu, "POST", url, { orgUnitId: w.areaA, ...body });
    expect(res.statusCode).toBe(409);
    expect(issues(res.body).error.message).toBe("Số hộ A-002 đã có trong khu dân cư này");
    await addHousehold(w, w.baclieu, { orgUnitId: w.areaB, ...body });
  });
});

describe("getHousehold", () => {
  let id: string;
  beforeAll(async () => {
    id = await addHousehold(w, w.baclieu, { orgUnitId: w.areaA, headName: "Võ Thị Em" });
    await sign(w, w.baclieu, id, YEAR - 1);
  });

  it("401 without a session", async () => {
    expect((await call(w.t.app, null, "GET", `/api/v1/households/${id}`)).statusCode).toBe(401);
  });

  it("400 on a malformed id", async () => {
    const res = await call(w.t.app, w.baclieu, "GET", "/api/v1/households/not-a-uuid");
    expect(res.statusCode).toBe(400);
    expect(issues(res.body).error.issues?.[0]?.path).toBe("params.id");
  });

  it("404 for An Xuyên reading a household of Bạc Liêu", async () => {
    const res = await call(w.t.app, w.anxuyen, "GET", `/api/v1/households/${id}`);
    expect(res.statusCode).toBe(404);
  });

  it("shows the household with its commitments to a viewer in scope", async () => {
    const res = await call(w.t.app, w.viewer, "GET", `/api/v1/households/${id}`);
    expect(res.statusCode).toBe(200);
    const h = res.json<Household>();
    expect(h.lastSignedYear).toBe(YEAR - 1);
    expect(h.commitments).toEqual([
      expect.objectContaining({
        year: YEAR - 1,
        signedOn: `${YEAR - 1}-03-01`,
        formVersion: "Mẫu 2024",
        hasScan: false,
      }),
    ]);
  });
});

describe("updateHousehold", () => {
  let id: string;
  beforeAll(async () => {
    id = await addHousehold(w, w.baclieu, { orgUnitId: w.areaA, headName: "Đặng Văn Phúc", code: "U-1" });
  });
  const url = () => `/api/v1/households/${id}`;

  it("401 without a session", async () => {
    expect((await call(w.t.app, null, "PATCH", url(), { members: 2 })).statusCode).toBe(401);
  });

  it("400 on an empty change and on a future move-out date", async () => {
    const empty = await call(w.t.app, w.baclieu, "PATCH", url(), {});
    expect(empty.statusCode).toBe(400);
    expect(issues(empty.body).error.issues).toEqual([{ path: "", message: "Không có thay đổi nào" }]);
    const future = await call(w.t.app, w.baclieu, "PATCH", url(), { movedOutOn: `${YEAR + 1}-01-01` });
    expect(future.statusCode).toBe(400);
    expect(issues(future.body).error.issues).toEqual([
      { path: "movedOutOn", message: "Ngày không được ở tương lai" },
    ]);
  });

  it("404 out of scope, 403 for a viewer", async () => {
    expect((await call(w.t.app, w.anxuyen, "PATCH", url(), { members: 2 })).statusCode).toBe(404);
    expect((await call(w.t.app, w.viewer, "PATCH", url(), { members: 2 })).statusCode).toBe(403);
  });

  it("409 on a register number already used in the area", async () => {
    await addHousehold(w, w.baclieu, { orgUnitId: w.areaA, code: "U-2" });
    const res = await call(w.t.app, w.baclieu, "PATCH", url(), { code: "U-2" });
    expect(res.statusCode).toBe(409);
  });

  it("changes fields, records a move-out, and audits which fields changed", async () => {
    const res = await call(w.t.app, w.baclieu, "PATCH", url(), {
      headName: "Đặng Văn Phước",
      memberOrgs: ["veterans"],
      movedOutOn: `${YEAR}-01-15`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<Household>()).toMatchObject({
      headName: "Đặng Văn Phước",
      memberOrgs: ["veterans"],
      movedOutOn: `${YEAR}-01-15`,
      code: "U-1",
    });
    const ev = await lastAuditEvent(w.t.app.db);
    expect(ev).toMatchObject({ action: "household.updated", entityId: id, orgUnitId: w.areaA });
    expect(ev?.data).toEqual({
      fields: ["headName", "memberOrgs", "movedOutOn"],
      memberOrgs: ["veterans"],
      movedOutOn: `${YEAR}-01-15`,
    });
    const list = await call(w.t.app, w.baclieu, "GET", "/api/v1/households?q=dang%20van%20phuoc");
    expect(list.json<Page>().items.map((h) => h.id)).toEqual([id]);
  });
});

describe("listHouseholds", () => {
  let signedId: string;
  let unsignedId: string;
  let xId: string;
  beforeAll(async () => {
    signedId = await addHousehold(w, w.baclieu, {
      orgUnitId: w.areaB,
      headName: "Huỳnh Thị Giang",
      address: "9 Đường Cao Văn Lầu",
      memberOrgs: ["women", "elderly"],
    });
    unsignedId = await addHousehold(w, w.baclieu, {
      orgUnitId: w.areaB,
      headName: "Huỳnh Văn Hải",
      address: "10 Đường Cao Văn Lầu",
      memberOrgs: ["youth"],
    });
    xId = await addHousehold(w, w.anxuyen, { orgUnitId: w.areaX, headName: "Huỳnh Văn Khoa" });
    await sign(w, w.baclieu, signedId, YEAR, `${YEAR}-02-10`);
  });
  const list = async (query: string, s = w.baclieu) => {
    const res = await call(w.t.app, s, "GET", `/api/v1/households?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Page>();
  };

  it("401 without a session", async () => {
    expect((await call(w.t.app, null, "GET", "/api/v1/households")).statusCode).toBe(401);
  });

  it("400 when signed is given without signedYear", async () => {
    const res = await call(w.t.app, w.baclieu, "GET", "/api/v1/households?signed=true");
    expect(res.statusCode).toBe(400);
    expect(issues(res.body).error.issues).toEqual([
      { path: "querystring.signedYear", message: "Cần chọn năm (signedYear) khi lọc theo cam kết" },
    ]);
  });

  it("404 for a subtree outside the caller's scope; other communes' households never listed", async () => {
    const res = await call(w.t.app, w.anxuyen, "GET", `/api/v1/households?orgUnitId=${w.areaB}`);
    expect(res.statusCode).toBe(404);
    const mine = await list("q=huynh", w.anxuyen);
    expect(mine.items.map((h) => h.id)).toEqual([xId]);
  });

  it("searches accent-insensitively within a subtree", async () => {
    const page = await list(`orgUnitId=${w.baclieuId}&q=HUYNH%20thi`);
    expect(page.items.map((h) => h.id)).toEqual([signedId]);
    const byAddress = await list(`q=cao%20van%20lau`);
    expect(byAddress.items.map((h) => h.id).sort()).toEqual([signedId, unsignedId].sort());
  });

  it("filters by signed year and by member organisation, and pages", async () => {
    const signed = await list(`orgUnitId=${w.areaB}&signedYear=${YEAR}&signed=true`);
    expect(signed.items.map((h) => h.id)).toEqual([signedId]);
    const unsigned = await list(`orgUnitId=${w.areaB}&signedYear=${YEAR}&signed=false`);
    expect(unsigned.items.map((h) => h.id)).toContain(unsignedId);
    expect(unsigned.items.map((h) => h.id)).not.toContain(signedId);
    const youth = await list(`orgUnitId=${w.areaB}&memberOrg=youth`);
    expect(youth.items.map((h) => h.id)).toEqual([unsignedId]);
    const first = await list(`orgUnitId=${w.areaB}&limit=1`);
    expect(first.items).toHaveLength(1);
    const second = await list(`orgUnitId=${w.areaB}&limit=1&cursor=${first.nextCursor}`);
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
  });
});
