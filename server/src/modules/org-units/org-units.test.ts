import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import {
  createResidentialArea,
  lastAuditEvent,
  rootUnit,
  signedInAs,
  unitByCode,
} from "../../test/factories";

let t: TestContext;
let admin: Session;
let baclieu: Session; // commune Front of Phường Bạc Liêu (31825)
let anxuyen: Session; // commune Front of Phường An Xuyên (32002)
let caMau: Session; // province Front of Cà Mau (96)
let baclieuId: string;
let anxuyenId: string;
let caMauId: string;

type Unit = {
  id: string;
  code: string | null;
  kind: string;
  type: string | null;
  fullName: string;
  validTo: string | null;
};
type Page = { items: Unit[]; nextCursor: string | null; total: number | null };

const list = async (s: Session, query: string): Promise<Page> => {
  const res = await call(t.app, s, "GET", `/api/v1/org-units?${query}`);
  expect(res.statusCode).toBe(200);
  return res.json<Page>();
};

beforeAll(async () => {
  t = await createTestContext();
  const db = t.app.db;
  baclieuId = (await unitByCode(db, "commune", "31825")).id;
  anxuyenId = (await unitByCode(db, "commune", "32002")).id;
  caMauId = (await unitByCode(db, "province", "96")).id;
  admin = await signedInAs(t.app, "system_admin", (await rootUnit(db)).id);
  baclieu = await signedInAs(t.app, "commune_front", baclieuId);
  anxuyen = await signedInAs(t.app, "commune_front", anxuyenId);
  caMau = await signedInAs(t.app, "province_front", caMauId);
});
afterAll(() => t.close());

describe("the official tree", () => {
  it.each([
    ["2025-07-01", "province", 34],
    ["2025-07-01", "commune", 3321],
    ["2025-06-30", "province", 63],
    ["2025-06-30", "district", 696],
    ["2025-06-30", "commune", 10035],
    ["2026-11-01", "district", 0],
  ])("on %s there are the official number of %s units", async (at, kind, n) => {
    const page = await list(admin, `kind=${kind}&at=${at}&withTotal=true&limit=1`);
    expect(page.total).toBe(n);
  });

  it("finds units without diacritics, best match first", async () => {
    const page = await list(admin, "q=bac%20lieu&limit=10");
    expect(page.items[0]).toMatchObject({ fullName: "Phường Bạc Liêu", ancestorNames: ["Tỉnh Cà Mau"] });
    const historic = await list(admin, "q=bac%20lieu&includeHistoric=true&limit=50");
    expect(historic.items.map((u) => u.fullName)).toEqual(
      expect.arrayContaining(["Phường Bạc Liêu", "Tỉnh Bạc Liêu", "Thành phố Bạc Liêu"]),
    );
  });

  it("looks a unit up by official code, leading zeros kept", async () => {
    const page = await list(admin, "code=00004");
    expect(page.items.map((u) => u.fullName)).toEqual(["Phường Ba Đình"]);
  });

  it("answers which current units hold the former Bạc Liêu city", async () => {
    const [city] = (await list(admin, "code=954&kind=district&at=2025-06-30")).items;
    const res = await call(t.app, admin, "GET", `/api/v1/org-units/${city!.id}`);
    const detail = res.json<{ successors: { unit: Unit; mergeType: string }[]; validTo: string }>();
    expect(detail.validTo).toBe("2025-06-30");
    expect(detail.successors.map((s) => s.unit.fullName).sort()).toEqual([
      "Phường Bạc Liêu",
      "Phường Hiệp Thành",
      "Phường Vĩnh Trạch",
    ]);
  });

  it("rolls pre-reform units up into the lowest common ancestor of their successors", async () => {
    const rows = await queryRows<{ code: string; kind: string; rollup: string; own: string }>(
      t.app.db,
      sql`select o.code, o.kind, o.rollup_path as rollup, o.path as own from org_units o
          where o.valid_to is not null and o.code in ('954', '31813', '95')`,
    );
    const ward = (await unitByCode(t.app.db, "commune", "31825")).path;
    const province = (await unitByCode(t.app.db, "province", "96")).path;
    const byCode = new Map(rows.map((r) => [`${r.kind}:${r.code}`, r]));
    expect(byCode.get("district:954")?.rollup).toBe(province); // split over three wards
    expect(byCode.get("commune:31813")?.rollup).toBe(ward); // Phường 2 → Phường Bạc Liêu
    expect(byCode.get("province:95")?.rollup).toBe(province); // Bạc Liêu province → Cà Mau
  });

  it("lists the predecessors of a new commune", async () => {
    const res = await call(t.app, admin, "GET", `/api/v1/org-units/${baclieuId}`);
    const d = res.json<{
      predecessors: { unit: Unit }[];
      bodies: { kind: string; name: string }[];
      ancestors: Unit[];
    }>();
    expect(d.predecessors.map((p) => p.unit.fullName)).toContain("Phường 1");
    expect(d.ancestors.map((a) => a.fullName)).toEqual(["Việt Nam", "Tỉnh Cà Mau"]);
    expect(d.bodies.map((b) => b.kind)).toEqual(
      expect.arrayContaining([
        "front",
        "police",
        "farmers",
        "women",
        "veterans",
        "youth",
        "labour",
        "elderly",
        "steering",
        "grassroots_team",
      ]),
    );
    expect(d.bodies.find((b) => b.kind === "police")?.name).toBe("Công an Phường Bạc Liêu");
  });

  it("shows Đồng Nai as a province before 2026-04-30 and a city from that date", async () => {
    const before = (await list(admin, "code=75&kind=province&at=2026-04-29")).items[0];
    const after = (await list(admin, "code=75&kind=province&at=2026-04-30")).items[0];
    expect(before).toMatchObject({ fullName: "Tỉnh Đồng Nai", type: "tinh" });
    expect(after).toMatchObject({ fullName: "Thành phố Đồng Nai", type: "thanh_pho_truc_thuoc_trung_uong" });
  });

  it("browses a historic district's communes as they stood", async () => {
    const [city] = (await list(admin, "code=954&kind=district&at=2025-06-30")).items;
    const page = await list(admin, `parentId=${city!.id}&limit=50`);
    expect(page.items.length).toBe(10);
    expect(page.items.every((u) => u.validTo === "2025-06-30")).toBe(true);
  });

  it("pages with a cursor", async () => {
    const first = await list(admin, `parentId=${caMauId}&limit=20`);
    expect(first.items).toHaveLength(20);
    const second = await list(admin, `parentId=${caMauId}&limit=20&cursor=${first.nextCursor}`);
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
    const all = await list(admin, `parentId=${caMauId}&limit=500`);
    expect(all.items).toHaveLength(64);
    expect(all.nextCursor).toBeNull();
  });
});

describe("scope", () => {
  it("is 401 without a session", async () => {
    const res = await call(t.app, null, "GET", "/api/v1/org-units");
    expect(res.statusCode).toBe(401);
  });

  it("a commune account sees its own commune, not its neighbour (404)", async () => {
    expect((await call(t.app, baclieu, "GET", `/api/v1/org-units/${baclieuId}`)).statusCode).toBe(200);
    const res = await call(t.app, baclieu, "GET", `/api/v1/org-units/${anxuyenId}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("not_found");
    const areaId = await createResidentialArea(t.app.db, anxuyenId);
    expect((await call(t.app, baclieu, "GET", `/api/v1/org-units/${areaId}`)).statusCode).toBe(404);
    expect((await call(t.app, anxuyen, "GET", `/api/v1/org-units/${areaId}`)).statusCode).toBe(200);
  });

  it("filters searches and subtree lists to the caller's scope in SQL", async () => {
    const page = await list(baclieu, "q=an%20xuyen&includeHistoric=true");
    expect(page.items).toEqual([]);
    const mine = await list(baclieu, "withTotal=true&limit=500");
    expect(mine.items.every((u) => u.id === baclieuId || u.kind === "residential_area")).toBe(true);
    const province = await list(caMau, `within=${caMauId}&kind=commune&withTotal=true&limit=1`);
    expect(province.total).toBe(64);
    expect(
      (await call(t.app, caMau, "GET", `/api/v1/org-units?parentId=${(await rootUnit(t.app.db)).id}`))
        .statusCode,
    ).toBe(404);
  });

  it("lets a commune see the historic units merged into it, and nothing else historic", async () => {
    const page = await list(baclieu, "includeHistoric=true&kind=commune&limit=100");
    const names = page.items.filter((u) => u.validTo).map((u) => u.fullName);
    expect(names).toContain("Phường 1");
    expect(names.length).toBeGreaterThan(0);
    const other = await list(anxuyen, "includeHistoric=true&kind=commune&limit=100");
    expect(other.items.some((u) => page.items.filter((p) => p.validTo).some((p) => p.id === u.id))).toBe(
      false,
    );
  });

  it("rejects a bad query with 400", async () => {
    const res = await call(t.app, admin, "GET", "/api/v1/org-units?at=31/12/2025");
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0].path).toBe("querystring.at");
  });
});

describe("createOrgUnit", () => {
  it("is 401 without a session", async () => {
    const res = await call(t.app, null, "POST", "/api/v1/org-units", {
      parentId: baclieuId,
      kind: "school",
      name: "x",
    });
    expect(res.statusCode).toBe(401);
  });

  it("is 400 with the exact message for an empty name, and writes nothing", async () => {
    const before = await lastAuditEvent(t.app.db);
    const res = await call(t.app, baclieu, "POST", "/api/v1/org-units", {
      parentId: baclieuId,
      kind: "school",
      name: "  ",
    });
    expect(res.statusCode).toBe(400);
    expect((await lastAuditEvent(t.app.db))?.id).toBe(before?.id);
    expect(res.json().error.issues).toEqual([{ path: "name", message: "Tên đơn vị không được để trống" }]);
  });

  it("is 404 under a commune outside the caller's scope", async () => {
    const res = await call(t.app, baclieu, "POST", "/api/v1/org-units", {
      parentId: anxuyenId,
      kind: "school",
      name: "Trường X",
    });
    expect(res.statusCode).toBe(404);
  });

  it("is 403 for a role that may read but not create", async () => {
    const viewer = await signedInAs(t.app, "viewer", baclieuId);
    const res = await call(t.app, viewer, "POST", "/api/v1/org-units", {
      parentId: baclieuId,
      kind: "school",
      name: "Trường X",
    });
    expect(res.statusCode).toBe(403);
  });

  it("is 400 under a province (only communes hold local units)", async () => {
    const res = await call(t.app, caMau, "POST", "/api/v1/org-units", {
      parentId: caMauId,
      kind: "school",
      name: "Trường X",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0].path).toBe("parentId");
  });

  it("creates a residential area with its bodies, audits it, and refuses a duplicate", async () => {
    const body = { parentId: baclieuId, kind: "residential_area", name: "Khóm 7", type: "khom", code: "K07" };
    const res = await call(t.app, baclieu, "POST", "/api/v1/org-units", body);
    expect(res.statusCode).toBe(201);
    const unit = res.json<Unit>();
    expect(unit).toMatchObject({ kind: "residential_area", fullName: "Khóm 7", code: "K07" });
    const detail = await call(t.app, baclieu, "GET", `/api/v1/org-units/${unit.id}`);
    expect(detail.json().bodies.map((b: { kind: string }) => b.kind)).toContain("grassroots_team");
    const events = await call(t.app, admin, "GET", "/api/v1/audit-events?action=org_unit.created&limit=1");
    expect(events.json().items[0]).toMatchObject({ entityId: unit.id, actorId: baclieu.accountId });
    const dup = await call(t.app, baclieu, "POST", "/api/v1/org-units", {
      ...body,
      name: "khom 7",
      code: "K99",
    });
    expect(dup.statusCode).toBe(409);
    expect((await list(baclieu, "q=khom%207")).items).toHaveLength(1);
  });
});

describe("importOrgUnits", () => {
  const url = "/api/v1/org-units/import";

  it("imports nothing when one line is bad, and names the line", async () => {
    const csv =
      "kind,name,code,type,commune_code\nresidential_area,Ấp Một,,ap,31825\nresidential_area,,,ap,31825\nschool,Trường Hai,,,31825\n";
    const res = await call(t.app, baclieu, "POST", url, { csv });
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.issues[0].path).toBe("line 3.name");
    expect(err.message).toContain("Dòng 3");
    expect((await list(baclieu, "q=ap%20mot")).items).toHaveLength(0);
  });

  it("rejects a commune outside the caller's scope by line", async () => {
    const csv = "kind,name,commune_code\nschool,Trường A,31825\nschool,Trường B,32002\n";
    const res = await call(t.app, baclieu, "POST", url, { csv });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toEqual([
      { path: "line 3.commune_code", message: "Dòng 3: không tìm thấy xã mã 32002 trong phạm vi của bạn" },
    ]);
  });

  it("rejects duplicate lines and unknown columns", async () => {
    const dup = await call(t.app, baclieu, "POST", url, {
      parentId: baclieuId,
      csv: "kind,name\nschool,Trường C\nschool,trường c\n",
    });
    expect(dup.json().error.issues[0].path).toBe("line 3.name");
    const cols = await call(t.app, baclieu, "POST", url, {
      parentId: baclieuId,
      csv: "kind,name,colour\nschool,A,red\n",
    });
    expect(cols.statusCode).toBe(400);
    expect(cols.json().error.issues[0].message).toContain("colour");
  });

  it("imports a good file in one transaction", async () => {
    const csv =
      "kind,name,code,type,commune_code\nresidential_area,Ấp Tân Lập,,ap,31825\nagency,UBND phường,,,31825\nenterprise,Công ty Lúa Vàng,,,31825\nschool,Trường THCS Lê Lợi,,,31825\n";
    const res = await call(t.app, caMau, "POST", url, { csv });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ created: 4 });
    const kids = await list(caMau, `parentId=${baclieuId}&q=tan%20lap`);
    expect(kids.items.map((u) => u.fullName)).toEqual(["Ấp Tân Lập"]);
  });

  it("reads Vietnamese headers and kinds in words, whatever the accents", async () => {
    const csv =
      "\uFEFFLoại đơn vị,Tên đơn vị,Mã,MA XA\r\nKhu dân cư,Khóm Mười Hai,K12,31825\r\ntruong hoc,Trường Mầm non Hoa Sen,,31825\r\n";
    const res = await call(t.app, caMau, "POST", url, { csv });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 2 });
    const kids = await list(caMau, `parentId=${baclieuId}&q=hoa%20sen`);
    expect(kids.items.map((u) => [u.fullName, u.kind])).toEqual([["Trường Mầm non Hoa Sen", "school"]]);
    const bad = await call(t.app, caMau, "POST", url, { csv: "Loại,Tên,Mã xã\nChợ,Chợ phường,31825\n" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0]).toMatchObject({ path: "line 2.Loại" });
    expect(bad.json().error.issues[0].message).toMatch(/^Dòng 2, cột Loại: /);
  });
});
