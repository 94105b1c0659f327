import { todayInVietnam } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { call } from "../../test/harness";
import { lastAuditEvent } from "../../test/factories";
import { addHousehold, buildWorld, type ErrorBody, type World } from "./households.fixtures";

let w: World;
const TODAY = todayInVietnam();
const YEAR = Number(TODAY.slice(0, 4));
const LAST = YEAR - 1;
const decision = (year: number, over: Record<string, unknown> = {}) => ({
  year,
  decidedLevel: "residential_area",
  decidedBy: "Ban Công tác Mặt trận khóm 1",
  decidedOn: year === YEAR ? TODAY : `${year}-11-20`,
  ...over,
});
const issuesOf = (body: string) => (JSON.parse(body) as ErrorBody).error.issues;
type Totals = {
  households: number;
  recognised: number;
  rate: number | null;
  children?: { orgUnitId: string; households: number; recognised: number }[];
};

const ids: string[] = [];
let other: string;

beforeAll(async () => {
  w = await buildWorld();
  for (let i = 0; i < 5; i++) {
    ids.push(await addHousehold(w, w.baclieu, { orgUnitId: w.areaA, code: `A-${i}` }));
  }
  other = await addHousehold(w, w.anxuyen, { orgUnitId: w.areaX });
});
afterAll(() => w.t.close());

describe("recordSafeFamily", () => {
  const url = (id: string) => `/api/v1/households/${id}/safe-families`;

  it("201 records a recognition, in the audit log, and the household detail shows it", async () => {
    const res = await call(
      w.t.app,
      w.baclieu,
      "POST",
      url(ids[0]!),
      decision(LAST, { decisionNumber: "12/QĐ-UBND" }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<{ id: string; year: number; decisionNumber: string; withdrawnOn: null }>();
    expect(body).toMatchObject({ year: LAST, decisionNumber: "12/QĐ-UBND", withdrawnOn: null });
    const ev = await lastAuditEvent(w.t.app.db);
    expect(ev?.action).toBe("household.safe_family_recorded");
    expect(ev?.data).toMatchObject({ householdId: ids[0], year: LAST, decidedLevel: "residential_area" });
    const detail = await call(w.t.app, w.viewer, "GET", `/api/v1/households/${ids[0]}`);
    expect(detail.json<{ safeFamilies: { id: string }[] }>().safeFamilies.map((s) => s.id)).toEqual([
      body.id,
    ]);
  });

  it("409 for a second recognition of the same year", async () => {
    const res = await call(w.t.app, w.baclieu, "POST", url(ids[0]!), decision(LAST));
    expect(res.statusCode).toBe(409);
  });

  it("400 before any write: a future year, a decision date outside the year, a bad level", async () => {
    const future = await call(
      w.t.app,
      w.baclieu,
      "POST",
      url(ids[1]!),
      decision(YEAR + 1, { decidedOn: TODAY }),
    );
    expect(future.statusCode).toBe(400);
    expect(issuesOf(future.body)).toContainEqual({
      path: "year",
      message: "Chưa thể công nhận cho một năm chưa đến",
    });
    const early = await call(
      w.t.app,
      w.baclieu,
      "POST",
      url(ids[1]!),
      decision(LAST, { decidedOn: `${LAST - 1}-12-31` }),
    );
    expect(issuesOf(early.body)).toEqual([
      { path: "decidedOn", message: `Ngày công nhận phải thuộc năm ${LAST} hoặc năm ${LAST + 1}` },
    ]);
    const level = await call(
      w.t.app,
      w.baclieu,
      "POST",
      url(ids[1]!),
      decision(LAST, { decidedLevel: "province" }),
    );
    expect(level.statusCode).toBe(400);
    expect(issuesOf(level.body)).toContainEqual({
      path: "decidedLevel",
      message: "Cấp công nhận không hợp lệ",
    });
    const [n] = await queryRows<{ n: number }>(
      w.t.app.db,
      sql`select count(*)::int as n from household_safe_families where household_id = ${ids[1]!}`,
    );
    expect(n!.n).toBe(0);
  });

  it("400 for a household that moved out before the year", async () => {
    const gone = await addHousehold(w, w.baclieu, { orgUnitId: w.areaB });
    const moved = await call(w.t.app, w.baclieu, "PATCH", `/api/v1/households/${gone}`, {
      movedOutOn: `${LAST - 1}-06-30`,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const res = await call(w.t.app, w.baclieu, "POST", url(gone), decision(LAST));
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res.body)).toEqual([
      { path: "year", message: `Hộ đã chuyển đi từ ngày 30/06/${LAST - 1}` },
    ]);
  });

  it("403 for a viewer, 404 out of scope", async () => {
    expect((await call(w.t.app, w.viewer, "POST", url(ids[1]!), decision(LAST))).statusCode).toBe(403);
    expect((await call(w.t.app, w.anxuyen, "POST", url(ids[1]!), decision(LAST))).statusCode).toBe(404);
  });
});

describe("withdrawSafeFamily", () => {
  it("withdraws with a reason, then the household may be recognised again", async () => {
    const rec = await call(
      w.t.app,
      w.baclieu,
      "POST",
      `/api/v1/households/${ids[4]}/safe-families`,
      decision(LAST),
    );
    const id = rec.json<{ id: string }>().id;
    const outOfScope = await call(
      w.t.app,
      w.anxuyen,
      "POST",
      `/api/v1/households/safe-families/${id}/withdraw`,
      {
        withdrawnOn: TODAY,
        reason: "x",
      },
    );
    expect(outOfScope.statusCode).toBe(404);
    const empty = await call(w.t.app, w.baclieu, "POST", `/api/v1/households/safe-families/${id}/withdraw`, {
      withdrawnOn: TODAY,
      reason: " ",
    });
    expect(issuesOf(empty.body)).toEqual([{ path: "reason", message: "Chưa nhập lý do thu hồi" }]);
    const res = await call(w.t.app, w.baclieu, "POST", `/api/v1/households/safe-families/${id}/withdraw`, {
      withdrawnOn: TODAY,
      reason: "Thành viên hộ vi phạm pháp luật",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      withdrawnOn: TODAY,
      withdrawnReason: "Thành viên hộ vi phạm pháp luật",
    });
    expect((await lastAuditEvent(w.t.app.db))?.action).toBe("household.safe_family_withdrawn");
    const again = await call(w.t.app, w.baclieu, "POST", `/api/v1/households/safe-families/${id}/withdraw`, {
      withdrawnOn: TODAY,
      reason: "x",
    });
    expect(again.statusCode).toBe(409);
  });
});

describe("recordSafeFamilies (an area's yearly review) and the totals", () => {
  const url = "/api/v1/households/safe-families/review";

  it("400 listing households of another area; nothing written", async () => {
    const res = await call(w.t.app, w.baclieu, "POST", url, {
      ...decision(LAST),
      orgUnitId: w.areaA,
      householdIds: [ids[1], other],
    });
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res.body)).toEqual([
      { path: "householdIds.1", message: "Hộ không thuộc khu dân cư này" },
    ]);
  });

  it("records the chosen households, leaving the already recognised ones", async () => {
    const res = await call(w.t.app, w.baclieu, "POST", url, {
      ...decision(LAST),
      orgUnitId: w.areaA,
      householdIds: [ids[0], ids[1], ids[2]],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ recorded: 2, alreadyRecognised: 1 });
    const review = await call(
      w.t.app,
      w.viewer,
      "GET",
      `/api/v1/households/safe-families?orgUnitId=${w.areaA}&year=${LAST}`,
    );
    const rows = review.json<{ items: { householdId: string; recognition: { year: number } | null }[] }>()
      .items;
    expect(
      rows
        .filter((r) => r.recognition)
        .map((r) => r.householdId)
        .sort(),
    ).toEqual([ids[0], ids[1], ids[2]].sort());
  });

  it("totals, per child and the indicator agree with a recount from the records", async () => {
    // Recount straight from the tables: households of Bạc Liêu counted for the year, and recognised.
    const [recount] = await queryRows<{ n: number; s: number }>(
      w.t.app.db,
      sql`select count(*)::int as n, count(s.id)::int as s from households h
          join org_units u on u.id = h.org_unit_id and u.parent_id = ${w.baclieuId}
          left join household_safe_families s on s.household_id = h.id and s.year = ${LAST} and s.withdrawn_on is null
          where (h.moved_out_on is null or h.moved_out_on > ${`${LAST}-12-31`}::date)
            and (h.created_at < ${`${YEAR}-01-01T00:00:00+07:00`}::timestamptz or s.id is not null)`,
    );
    const res = await call(
      w.t.app,
      w.baclieu,
      "GET",
      `/api/v1/households/safe-families/totals?orgUnitId=${w.baclieuId}&year=${LAST}&groupBy=child`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const totals = res.json<Totals>();
    expect(totals.recognised).toBe(recount!.s);
    expect(totals.recognised).toBe(3);
    expect(totals.households).toBe(recount!.n);
    expect(totals.rate).toBe(Math.round((recount!.s / recount!.n) * 10_000) / 10_000);
    expect(totals.children!.find((c) => c.orgUnitId === w.areaA)).toMatchObject({ recognised: 3 });

    const ind = await call(
      w.t.app,
      w.baclieu,
      "GET",
      `/api/v1/indicators/query?indicators=households.safe_families,households.safe_family_rate&orgUnitId=${w.baclieuId}&from=${LAST}-01-01&to=${LAST}-12-31`,
    );
    expect(ind.statusCode, ind.body).toBe(200);
    const values = ind.json<{ totals: Record<string, number | null> }>().totals;
    expect(values["households.safe_families"]).toBe(totals.recognised);
    expect(values["households.safe_family_rate"]).toBe(totals.rate);

    // This year every household of Bạc Liêu is counted (registered this year): 1 of 5 recognised.
    const rec = await call(
      w.t.app,
      w.baclieu,
      "POST",
      `/api/v1/households/${ids[3]}/safe-families`,
      decision(YEAR),
    );
    expect(rec.statusCode, rec.body).toBe(201);
    const now = await call(
      w.t.app,
      w.baclieu,
      "GET",
      `/api/v1/indicators/query?indicators=households.safe_families,households.safe_family_rate&orgUnitId=${w.baclieuId}&from=${YEAR}-01-01&to=${YEAR}-12-31`,
    );
    expect(now.json<{ totals: Record<string, number | null> }>().totals).toMatchObject({
      "households.safe_families": 1,
      "households.safe_family_rate": 0.2,
    });
  });

  it("a pre-reform unit answers from its old subtree, as the household count does", async () => {
    // The former Bạc Liêu city (district 954) stood until 30/06/2025; today's areas lie outside its
    // old tree, so it holds no households — a figure (0), not a missing one, as for households.count.
    const [district] = await queryRows<{ id: string }>(
      w.t.app.db,
      sql`select id from org_units where kind = 'district' and code = '954'`,
    );
    const codes = "households.count,households.safe_families,households.safe_family_rate";
    const old = await call(
      w.t.app,
      w.admin,
      "GET",
      `/api/v1/indicators/query?indicators=${codes}&orgUnitId=${district!.id}&from=2025-01-01&to=2025-06-30&at=2025-03-01`,
    );
    expect(old.statusCode, old.body).toBe(200);
    expect(old.json<{ totals: Record<string, number | null> }>().totals).toEqual({
      "households.count": 0,
      "households.safe_families": 0,
      "households.safe_family_rate": null,
    });
  });

  it("the other commune sees only its own households in its totals", async () => {
    const res = await call(
      w.t.app,
      w.anxuyen,
      "GET",
      `/api/v1/households/safe-families/totals?orgUnitId=${w.anxuyenId}&year=${LAST}`,
    );
    expect(res.json<Totals>()).toMatchObject({ recognised: 0 });
    const hidden = await call(
      w.t.app,
      w.anxuyen,
      "GET",
      `/api/v1/households/safe-families/totals?orgUnitId=${w.baclieuId}&year=${LAST}`,
    );
    expect(hidden.statusCode).toBe(404);
  });
});
