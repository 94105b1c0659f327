import { currentYearInVietnam } from "@toandan/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import { createResidentialArea, signedInAs, unitByCode } from "../../test/factories";

let t: TestContext;
let caMau: Session; // province Front, Cà Mau
let baclieu: Session; // commune Front, Phường Bạc Liêu
let anxuyen: Session; // commune Front, Phường An Xuyên
let caMauId: string;
let baclieuId: string;
let anxuyenId: string;
let planId: string;
const year = currentYearInVietnam();

type Share = {
  targetId: string;
  indicator: string;
  kind: string;
  planValue: number;
  target: number | null;
  actual: number | null;
  status: string;
  year: number;
};
type Item = { id: string; number: string; implementingUnitId: string; tasks: unknown[]; share: Share[] };

async function bodiesOf(unitId: string): Promise<Record<string, string>> {
  const res = await call(t.app, caMau, "GET", `/api/v1/org-units/${unitId}`);
  return Object.fromEntries(res.json().bodies.map((b: { kind: string; id: string }) => [b.kind, b.id]));
}

async function implemented(session: Session | null, query = `year=${year}`) {
  return call(t.app, session, "GET", `/api/v1/plans/implemented?${query}`);
}

beforeAll(async () => {
  t = await createTestContext();
  caMauId = (await unitByCode(t.app.db, "province", "96")).id;
  baclieuId = (await unitByCode(t.app.db, "commune", "31825")).id;
  anxuyenId = (await unitByCode(t.app.db, "commune", "32002")).id;
  caMau = await signedInAs(t.app, "province_front", caMauId);
  baclieu = await signedInAs(t.app, "commune_front", baclieuId);
  anxuyen = await signedInAs(t.app, "commune_front", anxuyenId);
  const bodies = await bodiesOf(caMauId);
  const plan = await call(t.app, caMau, "POST", "/api/v1/plans", {
    number: "279/KH-MTTQ-BCA",
    title: "Đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc",
    issuedOn: `${year}-03-29`,
    orgUnitId: caMauId,
    periodFrom: year,
    periodTo: year + 1,
    issuerBodyIds: [bodies.front, bodies.police],
    tasks: [{ title: "Tuyên truyền, vận động hội viên", bodyKinds: ["front", "women"] }],
    targets: [
      // Plan-wide count: each ward contributes, no share of its own.
      { indicator: "activities.count", comparator: "gte", value: 200, year },
      // Given to Phường Bạc Liêu.
      { indicator: "activities.count", comparator: "gte", value: 1, year, orgUnitId: baclieuId },
      // Given to Phường An Xuyên: not Bạc Liêu's.
      { indicator: "activities.count", comparator: "gte", value: 5, year, orgUnitId: anxuyenId },
      // Plan-wide rate: every unit is held to it.
      { indicator: "households.commitment_rate", comparator: "gte", value: 0.8, year },
      { indicator: "activities.attendees", comparator: "gte", value: 10, year: year + 1 },
    ],
  });
  expect(plan.statusCode, plan.body).toBe(201);
  planId = plan.json().id;
  const areaId = await createResidentialArea(t.app.db, baclieuId);
  const wardBodies = await bodiesOf(baclieuId);
  const activity = await call(t.app, baclieu, "POST", "/api/v1/activities", {
    orgUnitId: areaId,
    kind: "propaganda_session",
    date: `${year}-01-15`,
    organizerBodyIds: [wardBodies.front],
    topics: ["drugs"],
    attendees: 30,
  });
  expect(activity.statusCode, activity.body).toBe(201);
});
afterAll(() => t.close());

describe("listImplementedPlans", () => {
  it("is 401 without a session and 400 for a bad year", async () => {
    expect((await implemented(null)).statusCode).toBe(401);
    expect((await implemented(baclieu, "year=abc")).statusCode).toBe(400);
  });

  it("gives a ward the province's plan with the ward's own share of its targets", async () => {
    // The ward cannot open the province's plan itself: it is outside its subtree.
    expect((await call(t.app, baclieu, "GET", `/api/v1/plans/${planId}`)).statusCode).toBe(404);
    const res = await implemented(baclieu, "");
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Item[];
    const plan = items.find((p) => p.id === planId)!;
    expect(plan).toBeDefined();
    expect(plan.number).toBe("279/KH-MTTQ-BCA");
    expect(plan.implementingUnitId).toBe(baclieuId);
    expect(plan.tasks).toHaveLength(1);
    const count = await call(
      t.app,
      baclieu,
      "GET",
      `/api/v1/indicators/query?indicators=activities.count&orgUnitId=${baclieuId}&from=${year}-01-01&to=${year}-12-31`,
    );
    const wardActivities = count.json().totals["activities.count"] as number;
    expect(wardActivities).toBeGreaterThanOrEqual(1);
    expect(plan.share.map((s) => [s.indicator, s.kind, s.target, s.status])).toEqual([
      ["activities.count", "contribution", null, "no_target"],
      ["activities.count", "assigned", 1, "met"],
      ["households.commitment_rate", "same_rate", 0.8, expect.stringMatching(/^(met|not_met|no_data)$/)],
      ["activities.attendees", "contribution", null, "not_started"],
    ]);
    expect(plan.share[0]!.actual).toBe(wardActivities);
    expect(plan.share[0]!.planValue).toBe(200);
    // One year: only that year's targets.
    const now = (await implemented(baclieu)).json().items as Item[];
    expect(now.find((p) => p.id === planId)!.share).toHaveLength(3);
    const next = (await implemented(baclieu, `year=${year + 1}`)).json().items as Item[];
    expect(next.find((p) => p.id === planId)!.share.map((s) => s.year)).toEqual([year + 1]);
  });

  it("gives each ward its own assigned target, not another ward's", async () => {
    const items = (await implemented(anxuyen)).json().items as Item[];
    const plan = items.find((p) => p.id === planId)!;
    expect(plan.implementingUnitId).toBe(anxuyenId);
    const assigned = plan.share.filter((s) => s.kind === "assigned");
    expect(assigned.map((s) => [s.target, s.status])).toEqual([
      [5, expect.stringMatching(/^(met|not_met)$/)],
    ]);
  });

  it("leaves out the plans the caller reads in its own list (its own level)", async () => {
    const items = (await implemented(caMau)).json().items as Item[];
    expect(items.find((p) => p.id === planId)).toBeUndefined();
  });
});
