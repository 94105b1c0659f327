import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import { createResidentialArea, rootUnit, signedInAs, unitByCode } from "../../test/factories";
import { activityTotals } from "./index";
import { bodyAt, formerUnit } from "./test-fixtures";
import { prng } from "../../kernel/prng";

let t: TestContext;
let admin: Session;
let caMau: Session;
let anxuyen: Session;
let caMauId: string;
let caMauPath: string;
let baclieuId: string;
let anxuyenId: string;
let district954Id: string;

const URL = "/api/v1/activities";
type Totals = { activities: number } & Record<string, number>;
type TotalsBody = { totals: Totals; groups?: { key: string; label: string; totals: Totals }[] };

async function totals(s: Session, query: string): Promise<TotalsBody> {
  const res = await call(t.app, s, "GET", `${URL}/totals?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<TotalsBody>();
}

async function create(s: Session, body: object): Promise<{ id: string }> {
  const res = await call(t.app, s, "POST", URL, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

beforeAll(async () => {
  t = await createTestContext();
  const db = t.app.db;
  const province = await unitByCode(db, "province", "96");
  caMauId = province.id;
  caMauPath = province.path;
  baclieuId = (await unitByCode(db, "commune", "31825")).id;
  anxuyenId = (await unitByCode(db, "commune", "32002")).id;
  district954Id = (await formerUnit(db, "district", "954")).id;
  admin = await signedInAs(t.app, "system_admin", (await rootUnit(db)).id);
  caMau = await signedInAs(t.app, "province_front", caMauId);
  anxuyen = await signedInAs(t.app, "commune_front", anxuyenId);
});
afterAll(() => t.close());

const period = "from=2025-01-01&to=2025-12-31";

describe("getActivityTotals — routes", () => {
  it("is 401, 400 with the exact message, and 404 for a unit out of scope", async () => {
    expect((await call(t.app, null, "GET", `${URL}/totals?orgUnitId=${caMauId}&${period}`)).statusCode).toBe(
      401,
    );
    const bad = await call(t.app, caMau, "GET", `${URL}/totals?orgUnitId=${caMauId}&from=2025-01-01`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues).toEqual([
      { path: "querystring.to", message: "Ngày không hợp lệ (định dạng YYYY-MM-DD)" },
    ]);
    const hidden = await call(t.app, anxuyen, "GET", `${URL}/totals?orgUnitId=${baclieuId}&${period}`);
    expect(hidden.statusCode).toBe(404);
  });

  it("counts a co-organised activity once jointly and once in each organiser's group", async () => {
    const area = await createResidentialArea(t.app.db, anxuyenId, "Khóm Co");
    const organizerBodyIds = [
      await bodyAt(t.app.db, area, "front"),
      await bodyAt(t.app.db, anxuyenId, "police"),
      await bodyAt(t.app.db, caMauId, "police"), // police twice (commune and province): one police group
      await bodyAt(t.app.db, area, "youth"),
    ];
    await create(anxuyen, {
      orgUnitId: area,
      kind: "festival_day",
      date: "2025-08-19",
      organizerBodyIds,
      topics: ["drugs", "law"],
      attendees: 300,
      broadcastHours: 0.75,
    });
    const q = `orgUnitId=${area}&${period}`;
    expect((await totals(anxuyen, q)).totals).toMatchObject({
      activities: 1,
      attendees: 300,
      broadcastHours: 0.75,
    });
    const byBody = await totals(anxuyen, `${q}&groupBy=body`);
    const g = Object.fromEntries(byBody.groups!.map((x) => [x.key, x.totals.activities]));
    expect(g).toMatchObject({ front: 1, police: 1, youth: 1, women: 0 });
    expect(byBody.groups!.find((x) => x.key === "police")?.label).toBe("Công an");
    expect(byBody.totals.activities).toBe(1);
    const byTopic = await totals(anxuyen, `${q}&groupBy=topic`);
    expect(byTopic.groups!.filter((x) => x.totals.activities).map((x) => [x.key, x.label])).toEqual([
      ["drugs", "Ma túy"],
      ["law", "Pháp luật"],
    ]);
    expect((await totals(anxuyen, `${q}&bodyKind=youth`)).totals.activities).toBe(1);
    expect((await totals(anxuyen, `${q}&bodyKind=women`)).totals.activities).toBe(0);
  });

  it("rolls pre-reform records into today's units and groups by child unit", async () => {
    const ward2 = await formerUnit(t.app.db, "commune", "31813"); // Phường 2 → Phường Bạc Liêu
    const police = await bodyAt(t.app.db, caMauId, "police");
    await create(caMau, {
      orgUnitId: ward2.id,
      kind: "meeting",
      date: "2025-04-02",
      organizerBodyIds: [police],
      topics: [],
      attendees: 40,
    });
    await create(caMau, {
      orgUnitId: district954Id, // the former city rolls up into the province itself
      kind: "training",
      date: "2025-05-02",
      organizerBodyIds: [police],
      topics: ["fire"],
      attendees: 7,
    });
    const late = await call(t.app, caMau, "POST", URL, {
      orgUnitId: district954Id,
      kind: "training",
      date: "2025-07-01",
      organizerBodyIds: [police],
      topics: [],
    });
    expect(late.json().error.issues).toEqual([
      { path: "date", message: "Đơn vị này chỉ còn hiệu lực đến ngày 30/06/2025" },
    ]);
    expect((await totals(caMau, `orgUnitId=${baclieuId}&${period}`)).totals).toMatchObject({
      activities: 1,
      attendees: 40,
    });
    const byChild = await totals(caMau, `orgUnitId=${caMauId}&${period}&groupBy=child`);
    expect(byChild.groups![0]).toMatchObject({
      key: caMauId,
      label: "(trực tiếp)",
      totals: { attendees: 7 },
    });
    expect(byChild.groups!.find((x) => x.key === baclieuId)).toMatchObject({
      label: "Phường Bạc Liêu",
      totals: { activities: 1, attendees: 40 },
    });
    expect(byChild.groups!.find((x) => x.key === anxuyenId)?.totals.activities).toBe(1);
    expect(byChild.groups!.length).toBe(65); // 64 wards and communes + the direct group
    const sum = byChild.groups!.reduce((n, x) => n + x.totals.activities, 0);
    expect(sum).toBe(byChild.totals.activities);
    // The former city's own subtree (old tree): its record and Phường 2's.
    const district = await totals(caMau, `orgUnitId=${district954Id}&${period}`);
    expect(district.totals).toMatchObject({ activities: 2, attendees: 47 });
  });
});

type Site = { unitId: string; child: string; bodies: { id: string; kind: string }[] };
type Made = { child: string; date: string; kinds: Set<string>; topics: string[]; f: Record<string, number> };
const FIGS = ["attendees", "households", "students", "leaflets", "panels", "slogans", "broadcastItems"];
const TOPICS = ["drugs", "human_trafficking", "loan_sharks", "scams", "cyber_crime", "traffic", "fire"];

async function bodiesOf(unitIds: string[]) {
  const kinds = ["front", "police", "farmers", "women", "veterans", "youth", "elderly", "grassroots_team"];
  const out: { id: string; kind: string }[] = [];
  for (const u of unitIds) {
    for (const k of kinds) {
      const id = await bodyAt(t.app.db, u, k).catch(() => null);
      if (id) out.push({ id, kind: k });
    }
  }
  return out;
}

/** Independent expectation: plain sums over the generated list. */
const sum = (list: Made[]) => ({
  activities: list.length,
  ...Object.fromEntries(FIGS.map((k) => [k, list.reduce((n, m) => n + m.f[k]!, 0)])),
  broadcastHours: list.reduce((n, m) => n + m.f.cents!, 0) / 100,
});

describe("getActivityTotals — property: each activity once jointly, once per organiser kind", () => {
  it("matches totals computed independently over ~200 random activities", async () => {
    const db = t.app.db;
    const area = await createResidentialArea(db, baclieuId, "Khóm Ngẫu nhiên");
    const ward2 = (await formerUnit(db, "commune", "31813")).id;
    const sites: Site[] = [
      { unitId: caMauId, child: caMauId, bodies: await bodiesOf([caMauId]) },
      { unitId: baclieuId, child: baclieuId, bodies: await bodiesOf([caMauId, baclieuId]) },
      { unitId: area, child: baclieuId, bodies: await bodiesOf([caMauId, baclieuId, area]) },
      { unitId: ward2, child: baclieuId, bodies: await bodiesOf([caMauId, baclieuId]) },
      { unitId: anxuyenId, child: anxuyenId, bodies: await bodiesOf([caMauId, anxuyenId]) },
    ];
    const before = await totals(admin, `orgUnitId=${caMauId}&from=2024-01-01&to=2024-12-31`);
    expect(before.totals.activities).toBe(0);
    const rnd = prng(20250819);
    const int = (n: number) => Math.floor(rnd() * n);
    const made: Made[] = [];
    for (let i = 0; i < 200; i += 1) {
      const site = sites[int(sites.length)]!;
      const pool = [...site.bodies].sort(() => rnd() - 0.5);
      const organizers = pool.slice(0, 1 + int(Math.min(5, pool.length)));
      const topics = TOPICS.filter(() => rnd() < 0.3);
      const f = Object.fromEntries(FIGS.map((k) => [k, int(4) === 0 ? 0 : int(500)]));
      f.cents = int(1000);
      const month = String(1 + int(12)).padStart(2, "0");
      const date = `2024-${month}-${String(1 + int(28)).padStart(2, "0")}`;
      await create(admin, {
        orgUnitId: site.unitId,
        kind: "propaganda_session",
        date,
        organizerBodyIds: organizers.map((o) => o.id),
        topics,
        ...Object.fromEntries(FIGS.map((k) => [k, f[k]])),
        broadcastHours: f.cents / 100,
      });
      made.push({ child: site.child, date, kinds: new Set(organizers.map((o) => o.kind)), topics, f });
    }
    const q = `orgUnitId=${caMauId}&from=2024-01-01&to=2024-12-31`;
    const joint = await totals(admin, q);
    expect(joint.totals).toEqual(sum(made));

    const byBody = await totals(admin, `${q}&groupBy=body`);
    expect(byBody.totals).toEqual(sum(made));
    for (const g of byBody.groups!) {
      expect(g.totals, g.key).toEqual(sum(made.filter((m) => m.kinds.has(g.key))));
      const filtered = await totals(admin, `${q}&bodyKind=${g.key}`);
      expect(filtered.totals).toEqual(g.totals);
    }
    const byChild = await totals(admin, `${q}&groupBy=child`);
    for (const key of [caMauId, baclieuId, anxuyenId]) {
      const g = byChild.groups!.find((x) => x.key === key);
      expect(g?.totals, key).toEqual(sum(made.filter((m) => m.child === key)));
    }
    const byTopic = await totals(admin, `${q}&groupBy=topic`);
    for (const g of byTopic.groups!) {
      expect(g.totals, g.key).toEqual(sum(made.filter((m) => m.topics.includes(g.key))));
    }
    const h1 = made.filter((m) => m.date <= "2024-06-30");
    const half = await activityTotals(db, {
      rollupPathPrefix: caMauPath,
      from: "2024-01-01",
      to: "2024-06-30",
    });
    expect(half).toEqual(sum(h1));
    const police = await activityTotals(db, {
      rollupPathPrefix: caMauPath,
      from: "2024-01-01",
      to: "2024-12-31",
      bodyKind: "police",
    });
    expect(police).toEqual(sum(made.filter((m) => m.kinds.has("police"))));
  });
});
