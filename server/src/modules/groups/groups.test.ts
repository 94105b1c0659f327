import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { lastAuditEvent } from "../../test/factories";
import { formerUnit } from "../activities/test-fixtures";
import { addMember, buildWorld, helpers, makeGroup, newArea, type World } from "./test-support";

let w: World;
let area: string; // a residential area of Phường Bạc Liêu
let group: string; // a self-management group there
let team: string; // a grassroots security team there
let member: string;

const { api, expectAudit, expectNothingWritten } = helpers(() => w);

beforeAll(async () => {
  w = await buildWorld();
  area = await newArea(w);
  group = await makeGroup(w, area);
  team = await makeGroup(w, area, { typeCode: "grassroots_security_team", name: "Tổ bảo vệ ANTT khóm 1" });
  const res = await addMember(w, group, { joinedOn: "2020-02-01", role: "Tổ trưởng" });
  member = res.json<{ id: string }>().id;
});
afterAll(() => w.t.close());

describe("every route", () => {
  const routes = () =>
    [
      ["GET", "/group-types", undefined],
      [
        "POST",
        "/groups",
        { orgUnitId: area, typeCode: "security_gate", name: "Cổng A", foundedOn: "2021-01-01" },
      ],
      ["GET", `/groups/${group}`, undefined],
      ["GET", "/groups", undefined],
      ["POST", `/groups/${group}/status`, { status: "dissolved", date: "2024-01-01" }],
      ["POST", `/groups/${group}/members`, { fullName: "B", joinedOn: "2021-01-01" }],
      ["GET", `/groups/${group}/members`, undefined],
      ["POST", `/groups/${group}/members/${member}/leave`, { leftOn: "2024-01-01" }],
      ["POST", `/groups/${group}/surveys`, { surveyedOn: "2020-01-01" }],
      [
        "POST",
        `/groups/${group}/evaluations`,
        { evaluatedOn: "2024-01-01", periodFrom: "2023-01-01", periodTo: "2023-12-31", rating: "effective" },
      ],
      ["GET", "/groups/stale", undefined],
      ["GET", `/groups/totals?orgUnitId=${area}`, undefined],
    ] as const;

  it("is 401 without a session", async () => {
    for (const [method, url, body] of routes()) {
      const res = await api(null, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it("is 403 on writes for a viewer (may read, not manage)", async () => {
    for (const [method, url, body] of routes().filter(([m]) => m === "POST")) {
      const res = await api(w.viewer, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
  });

  it("is 404 for an account of Phường An Xuyên reaching a group of Phường Bạc Liêu", async () => {
    const scoped = routes().filter(([, url, body]) =>
      `${url}${JSON.stringify(body)}`.match(`${group}|${area}`),
    );
    expect(scoped).toHaveLength(9);
    for (const [method, url, body] of scoped) {
      const res = await api(w.anxuyen, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().error.code).toBe("not_found");
    }
  });
});

describe("listGroupTypes", () => {
  it("lists the seeded catalogue with categories and sources", async () => {
    const res = await api(w.viewer, "GET", "/group-types");
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: { code: string; nameVi: string; category: string }[] }>().items;
    expect(items.find((i) => i.code === "grassroots_security_team")).toMatchObject({
      nameVi: "Tổ bảo vệ an ninh, trật tự ở cơ sở",
      category: "team",
    });
    expect(items.find((i) => i.nameVi === "Cổng an ninh trật tự")?.category).toBe("model");
    expect(items.length).toBeGreaterThanOrEqual(15);
  });
});

describe("createGroup", () => {
  it("stores a group at a pre-reform commune in today's province, and the database refuses another", async () => {
    // Phường 2 (31813) of the former Bạc Liêu province (95) counts in today's Cà Mau (96).
    const ward2 = await formerUnit(w.t.app.db, "commune", "31813");
    const res = await api(w.baclieu, "POST", "/groups", {
      orgUnitId: ward2.id,
      typeCode: "security_gate",
      name: "Cổng phường 2",
      foundedOn: "2019-05-01",
    });
    expect(res.statusCode).toBe(201);
    const id = res.json<{ id: string }>().id;
    const province = async () =>
      (
        await queryRows<{ code: string }>(
          w.t.app.db,
          sql`select p.code from groups g join org_units p on p.id = g.province_id where g.id = ${id}`,
        )
      )[0]?.code;
    expect(await province()).toBe("96");
    const refused = await w.t.app.db
      .execute(
        sql`update groups set province_id = (select province_id from org_units where id = ${ward2.id})
          where id = ${id}`,
      )
      .then(
        () => "updated",
        (e: unknown) => String((e as { cause?: unknown }).cause ?? e),
      );
    expect(refused).toMatch(/groups_province_ck/);
    expect(await province()).toBe("96");
  });

  it("is 400 with the exact message for an empty name, and writes nothing", async () => {
    const before = await lastAuditEvent(w.t.app.db);
    const res = await api(w.baclieu, "POST", "/groups", {
      orgUnitId: area,
      typeCode: "security_gate",
      name: " ",
      foundedOn: "2021-01-01",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toEqual([
      { path: "name", message: "Tên tổ, mô hình không được để trống" },
    ]);
    await expectNothingWritten(before);
  });

  it("is 400 for an unknown type, a founding date in the future, or a body of another unit", async () => {
    const base = { orgUnitId: area, typeCode: "security_gate", name: "Cổng B", foundedOn: "2021-01-01" };
    const bad = await api(w.baclieu, "POST", "/groups", { ...base, typeCode: "nope" });
    expect(bad.json().error.issues).toEqual([
      { path: "typeCode", message: "Loại tổ, mô hình không có trong danh mục" },
    ]);
    const future = await api(w.baclieu, "POST", "/groups", { ...base, foundedOn: "2999-01-01" });
    expect(future.json().error.issues).toEqual([
      { path: "foundedOn", message: "Ngày thành lập không được ở tương lai" },
    ]);
    const other = await api(w.anxuyen, "GET", `/org-units/${w.anxuyenId}`);
    const policeBody = other.json().bodies.find((b: { kind: string }) => b.kind === "police").id;
    const body = await api(w.baclieu, "POST", "/groups", { ...base, managingBodyId: policeBody });
    expect(body.json().error.issues).toEqual([
      { path: "managingBodyId", message: "Cơ quan quản lý phải thuộc đơn vị này hoặc đơn vị cấp trên" },
    ]);
  });

  it("creates a group managed by the commune police, replicated from a visible group, and audits it", async () => {
    const commune = await api(w.baclieu, "GET", `/org-units/${w.baclieuId}`);
    const police = commune.json().bodies.find((b: { kind: string }) => b.kind === "police").id;
    const area2 = await newArea(w);
    const res = await api(w.baclieu, "POST", "/groups", {
      orgUnitId: area2,
      typeCode: "self_management_group",
      name: "Tổ tự quản khóm 2",
      foundedOn: "2022-03-01",
      status: "pilot",
      replicatedFromId: group,
      managingBodyId: police,
    });
    expect(res.statusCode).toBe(201);
    const g = res.json();
    expect(g).toMatchObject({
      orgUnitId: area2,
      typeName: "Tổ tự quản",
      category: "model",
      status: "pilot",
      replicatedFromId: group,
      managingBodyId: police,
      currentMembers: 0,
      latestEvaluation: null,
      baselineSurvey: null,
    });
    await expectAudit("group.created", g.id, { name: "Tổ tự quản khóm 2", status: "pilot" });
    const origin = await api(w.baclieu, "GET", `/groups/${group}`);
    expect(origin.json().replicaCount).toBe(1);
    const dup = await api(w.baclieu, "POST", "/groups", {
      orgUnitId: area2,
      typeCode: "self_management_group",
      name: "tổ tự quản khóm 2",
      foundedOn: "2022-03-01",
    });
    expect(dup.statusCode).toBe(409);
  });

  it("refuses a replica of another type, or of a group the caller cannot see", async () => {
    const base = { orgUnitId: area, name: "Tổ nhân rộng", foundedOn: "2023-01-01" };
    const other = await api(w.baclieu, "POST", "/groups", {
      ...base,
      typeCode: "security_gate",
      replicatedFromId: group,
    });
    expect(other.json().error.issues).toEqual([
      { path: "replicatedFromId", message: "Mô hình nhân rộng phải cùng loại với mô hình gốc" },
    ]);
    const hidden = await makeGroup(w, await newArea(w, w.anxuyenId), {}, w.anxuyen);
    const res = await api(w.baclieu, "POST", "/groups", {
      ...base,
      typeCode: "self_management_group",
      replicatedFromId: hidden,
    });
    expect(res.json().error.issues).toEqual([
      { path: "replicatedFromId", message: "Không tìm thấy tổ, mô hình gốc" },
    ]);
  });
});

describe("getGroup and listGroups", () => {
  it("is 400 for a malformed id", async () => {
    const res = await api(w.baclieu, "GET", "/groups/123");
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0].path).toBe("params.id");
  });

  it("shows the current member count, latest evaluation and baseline survey", async () => {
    const g = await makeGroup(w, area, { foundedOn: "2019-05-01" });
    await addMember(w, g, { joinedOn: "2019-05-01" });
    await addMember(w, g, { joinedOn: "2019-05-01" });
    await api(w.baclieu, "POST", `/groups/${g}/surveys`, {
      surveyedOn: "2019-05-01",
      crimes: 3,
      drugUsers: 5,
    });
    await api(w.baclieu, "POST", `/groups/${g}/surveys`, { surveyedOn: "2020-05-01", crimes: 1 });
    const ev = { evaluatedOn: "2020-11-20", periodFrom: "2019-11-15", periodTo: "2020-11-14" };
    await api(w.baclieu, "POST", `/groups/${g}/evaluations`, { ...ev, rating: "effective" });
    const res = await api(w.viewer, "GET", `/groups/${g}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      currentMembers: 2,
      latestEvaluation: { rating: "effective", periodTo: "2020-11-14", reasons: [] },
      baselineSurvey: { surveyedOn: "2019-05-01", crimes: 3, drugUsers: 5, gangs: 0 },
      latestSurvey: { surveyedOn: "2020-05-01", crimes: 1 },
    });
  });

  it("lists by subtree, type, status and category, in scope only, with paging", async () => {
    const mine = await api(w.baclieu, "GET", `/groups?orgUnitId=${area}&category=team`);
    expect(mine.json().items.map((g: { id: string }) => g.id)).toEqual([team]);
    const byType = await api(w.baclieu, "GET", "/groups?typeCode=grassroots_security_team&status=active");
    expect(byType.json().items.map((g: { id: string }) => g.id)).toEqual([team]);
    const theirs = await api(w.anxuyen, "GET", "/groups?limit=500");
    expect(theirs.json().items.some((g: { id: string }) => g.id === group)).toBe(false);
    const page1 = await api(w.baclieu, "GET", `/groups?orgUnitId=${w.baclieuId}&limit=1`);
    expect(page1.json().items).toHaveLength(1);
    const page2 = await api(
      w.baclieu,
      "GET",
      `/groups?orgUnitId=${w.baclieuId}&limit=1&cursor=${page1.json().nextCursor}`,
    );
    expect(page2.json().items[0].id).not.toBe(page1.json().items[0].id);
    const bad = await api(w.baclieu, "GET", "/groups?status=gone");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe("querystring.status");
  });
});

describe("changeGroupStatus", () => {
  it("is 400 with the exact message for a date before the founding", async () => {
    const g = await makeGroup(w, area, { foundedOn: "2020-01-01" });
    const res = await api(w.baclieu, "POST", `/groups/${g}/status`, {
      status: "dissolved",
      date: "2019-12-31",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toEqual([
      { path: "date", message: "Ngày chuyển trạng thái trước ngày thành lập" },
    ]);
  });

  it("dissolves a group, closes its roster and audits the move", async () => {
    const g = await makeGroup(w, area, { foundedOn: "2020-01-01" });
    await addMember(w, g, { joinedOn: "2020-01-01" });
    const res = await api(w.baclieu, "POST", `/groups/${g}/status`, {
      status: "dissolved",
      date: "2023-06-30",
      reason: "Sáp nhập khóm",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "dissolved", dissolvedOn: "2023-06-30" });
    await expectAudit("group.status_changed", g, {
      from: "active",
      to: "dissolved",
      reason: "Sáp nhập khóm",
    });
    const roster = await api(w.baclieu, "GET", `/groups/${g}/members`);
    expect(roster.json().items[0].leftOn).toBe("2023-06-30");
    const late = await addMember(w, g, { joinedOn: "2023-07-01" });
    expect(late.statusCode).toBe(409);
  });
});

describe("listStaleGroups and getGroupTotals (scope and input)", () => {
  it("is 400 for a bad date", async () => {
    const stale = await api(w.baclieu, "GET", "/groups/stale?asOf=2024-13-01");
    expect(stale.statusCode).toBe(400);
    expect(stale.json().error.issues[0].path).toBe("querystring.asOf");
    const totals = await api(w.baclieu, "GET", `/groups/totals?orgUnitId=${area}&at=01/01/2024`);
    expect(totals.statusCode).toBe(400);
    expect(totals.json().error.issues[0].path).toBe("querystring.at");
  });

  it("is 400 without the unit for totals", async () => {
    const res = await api(w.baclieu, "GET", "/groups/totals");
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0].path).toBe("querystring.orgUnitId");
  });

  it("is 404 for a subtree outside the caller's scope", async () => {
    expect((await api(w.baclieu, "GET", `/groups/stale?orgUnitId=${w.anxuyenId}`)).statusCode).toBe(404);
    expect((await api(w.baclieu, "GET", `/groups/totals?orgUnitId=${w.anxuyenId}`)).statusCode).toBe(404);
    expect((await api(w.baclieu, "GET", `/groups?orgUnitId=${w.anxuyenId}`)).statusCode).toBe(404);
  });
});

describe("listGroups order", () => {
  it("sorts names as people read them, page after page: numbers by value, accents folded", async () => {
    const place = await newArea(w);
    for (const name of ["Tổ số 10", "Tổ số 2", "Đội xung kích", "Tổ số 1", "Tổ số 21", "Tổ", "Chi hội"]) {
      await makeGroup(w, place, { name });
    }
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = `/groups?orgUnitId=${place}&limit=3${cursor ? `&cursor=${cursor}` : ""}`;
      const page = (await api(w.baclieu, "GET", q)).json<{
        items: { name: string }[];
        nextCursor: string | null;
      }>();
      names.push(...page.items.map((g) => g.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(names).toEqual(["Chi hội", "Đội xung kích", "Tổ", "Tổ số 1", "Tổ số 2", "Tổ số 10", "Tổ số 21"]);
  });
});
