import { GROUP_STATUSES } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { call } from "../../test/harness";
import { lastAuditEvent } from "../../test/factories";
import { ageOn } from "./commands/add-group-member";
import { groupTotals } from "./index";
import { addMember, buildWorld, makeGroup, newArea, recordActivity, shift, type World } from "./test-support";

let w: World;
let area: string;

beforeAll(async () => {
  w = await buildWorld();
  area = await newArea(w);
});
afterAll(() => w.t.close());

describe("lifecycle: every move from every status", () => {
  // The legal moves, written out independently of GROUP_TRANSITIONS.
  const LEGAL = new Set(["pilot>active", "pilot>dissolved", "active>dissolved"]);
  const cases = GROUP_STATUSES.flatMap((from) =>
    GROUP_STATUSES.map((to) => [from, to, LEGAL.has(`${from}>${to}`)] as const),
  );

  async function groupIn(status: string): Promise<string> {
    const id = await makeGroup(w, area, { status: status === "pilot" ? "pilot" : "active" });
    if (status === "dissolved") {
      const res = await call(w.t.app, w.baclieu, "POST", `/api/v1/groups/${id}/status`, {
        status: "dissolved",
        date: "2022-01-01",
      });
      expect(res.statusCode).toBe(200);
    }
    return id;
  }

  it.each(cases)("%s → %s is legal: %s", async (from, to, legal) => {
    const id = await groupIn(from);
    const res = await call(w.t.app, w.baclieu, "POST", `/api/v1/groups/${id}/status`, {
      status: to,
      date: "2023-01-01",
    });
    const after = (await call(w.t.app, w.baclieu, "GET", `/api/v1/groups/${id}`)).json();
    if (legal) {
      expect(res.statusCode).toBe(200);
      expect(after.status).toBe(to);
    } else {
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({
        code: "invalid_transition",
        message: `Không thể chuyển từ "${from}" sang "${to}".`,
      });
      expect(after.status).toBe(from);
    }
  });
});

describe("grassroots security team members are aged 18 to 70 on the join date", () => {
  const JOIN = "2024-07-01";
  const MESSAGE = "Thành viên Tổ bảo vệ an ninh, trật tự ở cơ sở phải từ đủ 18 đến 70 tuổi vào ngày vào tổ";
  let team: string;
  beforeAll(async () => {
    team = await makeGroup(w, area, { typeCode: "grassroots_security_team", foundedOn: "2024-07-01" });
  });

  it.each([
    ["exactly 18", "2006-07-01", true],
    ["one day short of 18", "2006-07-02", false],
    ["exactly 70", "1954-07-01", true],
    ["70 and 364 days", "1953-07-02", true],
    ["exactly 71", "1953-07-01", false],
  ])("%s (born %s) → accepted: %s", async (_label, birthDate, ok) => {
    const res = await addMember(w, team, { birthDate, joinedOn: JOIN });
    if (ok) {
      expect(res.statusCode).toBe(201);
    } else {
      expect(res.statusCode).toBe(400);
      const over = birthDate < "1960-01-01";
      expect(res.json().error.issues).toEqual([
        over
          ? {
              path: "ageException",
              message: `${MESSAGE}; trên 70 tuổi cần quyết định của Chủ tịch UBND cấp xã`,
            }
          : { path: "birthDate", message: MESSAGE },
      ]);
    }
  });

  it("admits a member over 70 with the commune chairman's decision, recorded on the roster", async () => {
    const decision = { decisionNumber: "15/QĐ-UBND", decidedOn: "2024-06-20" };
    const late = await addMember(w, team, {
      birthDate: "1950-03-01",
      joinedOn: JOIN,
      ageException: { ...decision, decidedOn: "2024-07-02" },
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.issues).toEqual([
      { path: "ageException.decidedOn", message: "Ngày quyết định sau ngày vào tổ" },
    ]);
    const res = await addMember(w, team, { birthDate: "1950-03-01", joinedOn: JOIN, ageException: decision });
    expect(res.statusCode).toBe(201);
    expect(res.json().ageException).toEqual(decision);
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({
      action: "group.member_added",
      data: { ageException: decision },
    });
    // An under-age member cannot be admitted by a decision.
    const young = await addMember(w, team, {
      birthDate: "2010-01-01",
      joinedOn: JOIN,
      ageException: decision,
    });
    expect(young.statusCode).toBe(400);
  });

  it("does not apply to self-management models", async () => {
    const model = await makeGroup(w, area);
    expect((await addMember(w, model, { birthDate: "2010-01-01", joinedOn: "2024-01-01" })).statusCode).toBe(
      201,
    );
    expect((await addMember(w, model, { joinedOn: "2024-01-01" })).statusCode).toBe(201);
  });

  it("counts a 29 February birthday as reached on 1 March", () => {
    expect(ageOn("2004-02-29", "2022-02-28")).toBe(17);
    expect(ageOn("2004-02-29", "2022-03-01")).toBe(18);
  });
});

describe("stale models (no evaluation and no activity at the unit in 12 months)", () => {
  const AS_OF = "2025-05-15";
  let staleArea: string;
  const evaluate = (id: string, evaluatedOn: string) =>
    call(w.t.app, w.baclieu, "POST", `/api/v1/groups/${id}/evaluations`, {
      evaluatedOn,
      periodFrom: shift(evaluatedOn, -12),
      periodTo: evaluatedOn,
      rating: "effective",
    });
  const staleIds = async (asOf = AS_OF) => {
    const res = await call(
      w.t.app,
      w.baclieu,
      "GET",
      `/api/v1/groups/stale?orgUnitId=${staleArea}&asOf=${asOf}`,
    );
    expect(res.statusCode).toBe(200);
    return res.json<{ items: { id: string }[] }>().items.map((g) => g.id);
  };

  beforeAll(async () => {
    staleArea = await newArea(w);
  });

  it("an evaluation 11 months ago keeps a group off the list; 13 months ago does not", async () => {
    const recent = await makeGroup(w, staleArea, { foundedOn: "2020-01-01" });
    const old = await makeGroup(w, staleArea, { foundedOn: "2020-01-01" });
    expect((await evaluate(recent, shift(AS_OF, -11))).statusCode).toBe(201);
    expect((await evaluate(old, shift(AS_OF, -13))).statusCode).toBe(201);
    const ids = await staleIds();
    expect(ids).toContain(old);
    expect(ids).not.toContain(recent);
    const res = await call(
      w.t.app,
      w.baclieu,
      "GET",
      `/api/v1/groups/stale?orgUnitId=${staleArea}&asOf=${AS_OF}`,
    );
    const item = res.json().items.find((g: { id: string }) => g.id === old);
    expect(item).toMatchObject({ lastEvaluatedOn: shift(AS_OF, -13), lastActivityOn: null });
  });

  it("an activity at the group's unit inside the window keeps it off the list; outside does not", async () => {
    const activeArea = await newArea(w);
    const g = await makeGroup(w, activeArea, { foundedOn: "2020-01-01" });
    await recordActivity(w, activeArea, shift(AS_OF, -14));
    const list = async () =>
      (await call(w.t.app, w.baclieu, "GET", `/api/v1/groups/stale?orgUnitId=${activeArea}&asOf=${AS_OF}`))
        .json<{ items: { id: string }[] }>()
        .items.map((x) => x.id);
    expect(await list()).toEqual([g]);
    await recordActivity(w, activeArea, shift(AS_OF, -2));
    expect(await list()).toEqual([]);
  });

  it("leaves out dissolved groups and groups younger than the window", async () => {
    const young = await makeGroup(w, staleArea, { foundedOn: shift(AS_OF, -6) });
    const gone = await makeGroup(w, staleArea, { foundedOn: "2020-01-01" });
    await call(w.t.app, w.baclieu, "POST", `/api/v1/groups/${gone}/status`, {
      status: "dissolved",
      date: "2024-01-01",
    });
    const ids = await staleIds();
    expect(ids).not.toContain(young);
    expect(ids).not.toContain(gone);
    expect(await staleIds("2023-12-31")).toContain(gone);
  });
});

describe("totals at a date", () => {
  let totalsArea: string;
  const totals = async (at: string) => {
    const res = await call(
      w.t.app,
      w.viewer,
      "GET",
      `/api/v1/groups/totals?orgUnitId=${totalsArea}&at=${at}`,
    );
    expect(res.statusCode).toBe(200);
    return res.json<{
      items: { typeCode: string; groups: number; members: number }[];
      total: { groups: number; members: number };
    }>();
  };
  const byType = async (at: string) =>
    Object.fromEntries((await totals(at)).items.map((i) => [i.typeCode, [i.groups, i.members]]));

  beforeAll(async () => {
    totalsArea = await newArea(w);
    const g1 = await makeGroup(w, totalsArea, { foundedOn: "2020-01-01" });
    await addMember(w, g1, { joinedOn: "2020-02-01" });
    const m2 = (await addMember(w, g1, { joinedOn: "2020-02-01" })).json().id;
    await call(w.t.app, w.baclieu, "POST", `/api/v1/groups/${g1}/members/${m2}/leave`, {
      leftOn: "2021-01-01",
    });
    const g2 = await makeGroup(w, totalsArea, { foundedOn: "2021-06-01" });
    await addMember(w, g2, { joinedOn: "2021-06-01" });
    await call(w.t.app, w.baclieu, "POST", `/api/v1/groups/${g2}/status`, {
      status: "dissolved",
      date: "2022-01-01",
    });
    await makeGroup(w, totalsArea, { typeCode: "security_camera", foundedOn: "2019-01-01" });
  });

  it.each([
    ["2018-12-31", {}],
    ["2019-01-01", { security_camera: [1, 0] }],
    ["2020-12-31", { security_camera: [1, 0], self_management_group: [1, 2] }],
    ["2021-01-01", { security_camera: [1, 0], self_management_group: [1, 1] }],
    ["2021-07-01", { security_camera: [1, 0], self_management_group: [2, 2] }],
    ["2022-01-01", { security_camera: [1, 0], self_management_group: [1, 1] }],
  ])("on %s", async (at, expected) => {
    expect(await byType(at)).toEqual(expected);
  });

  it("sums the types, and the exported query gives the same figures for the commune", async () => {
    expect((await totals("2021-07-01")).total).toEqual({ groups: 3, members: 2 });
    const [row] = await queryRows<{ path: string }>(
      w.t.app.db,
      sql`select path from org_units where id = ${totalsArea}`,
    );
    const direct = await groupTotals(w.t.app.db, { rollupPathPrefix: row!.path, at: "2021-07-01" });
    expect({ groups: direct.groups, members: direct.members }).toEqual({ groups: 3, members: 2 });
  });
});
