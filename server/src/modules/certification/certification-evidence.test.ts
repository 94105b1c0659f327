import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createResidentialArea, lastAuditEvent, unitByCode } from "../../test/factories";
import type { Session } from "../../test/harness";
import { seedCertificationDemo } from "./certification.demo";
import { childrenRule } from "./certification.evidence";
import { certificationCycles } from "./certification.table";
import { buildWorld, helpers, YEAR, type World } from "./test-support";

let w: World;
const h = helpers(() => w);

beforeAll(async () => {
  w = await buildWorld();
});
afterAll(() => w.t.close());

type Evidence = {
  households: Record<string, number | null> | null;
  effectiveModels: number;
  teamRating: string | null;
  disciplinedMembers: number;
  events: { occurredOn: string; disqualifies: boolean }[];
  crime: Record<string, number | string> | null;
  children: Record<string, number | boolean | null> | null;
  criteria: { code: string; verdict: string; selfAssessed: boolean | null }[];
  overall: string;
};

const verdict = (e: Evidence, code: string) => e.criteria.find((c) => c.code === code)?.verdict;

async function cycleFor(s: Session, unitId: string, extra: Record<string, unknown> = {}) {
  const res = await h.register(s, unitId, extra);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

const evidence = async (id: string) =>
  (await h.ok(w.front, "GET", `/certification/cycles/${id}/evidence`)) as Evidence;

async function household(unitId: string, signed: boolean) {
  const hh = await h.ok(
    w.front,
    "POST",
    "/households",
    { orgUnitId: unitId, headName: "Nguyễn Văn An", address: "1 Trần Phú", members: 3 },
    201,
  );
  if (signed) {
    await h.ok(
      w.front,
      "POST",
      `/households/${hh.id}/commitments`,
      { year: YEAR, signedOn: `${YEAR}-03-01`, formVersion: "Mẫu 2024" },
      201,
    );
  }
}

async function group(unitId: string, typeCode: string, rating: string, evaluatedOn = `${YEAR}-09-30`) {
  const g = await h.ok(
    w.front,
    "POST",
    "/groups",
    { orgUnitId: unitId, typeCode, name: `Tổ ${typeCode}`, foundedOn: "2020-01-01" },
    201,
  );
  await h.ok(
    w.front,
    "POST",
    `/groups/${g.id}/evaluations`,
    {
      evaluatedOn,
      periodFrom: `${Number(evaluatedOn.slice(0, 4)) - 1}-11-01`,
      periodTo: evaluatedOn,
      rating,
    },
    201,
  );
  return g.id as string;
}

const event = (orgUnitId: string, occurredOn: string, extra: Record<string, unknown> = {}) =>
  h.ok(
    w.police,
    "POST",
    "/certification/disqualifying-events",
    {
      orgUnitId,
      kind: "serious_crime",
      occurredOn,
      severity: "serious",
      description: "Vụ cố ý gây thương tích",
      ...extra,
    },
    201,
  );

describe("evidence from the records", () => {
  it("reads households, commitments, the team's rating and effective models of the window", async () => {
    const area = await createResidentialArea(w.t.app.db, w.baclieuId, "Khóm Chứng Cứ");
    for (const signed of [true, true, true, false]) await household(area, signed);
    await group(area, "grassroots_security_team", "good");
    await group(area, "security_camera", "effective");
    await group(area, "self_management_group", "effective", `${YEAR - 1}-10-01`); // before the window
    const full = await evidence(await cycleFor(w.front, area, { householdsRegistered: 4 }));
    expect(full.households).toEqual({
      households: 4,
      signed: 3,
      commitmentRate: 0.75,
      registered: 4,
      registrationRate: 1,
    });
    expect(full).toMatchObject({ effectiveModels: 1, teamRating: "good", disciplinedMembers: 0 });
    expect(verdict(full, "ra.1")).toBe("met");
    expect(verdict(full, "ra.5")).toBe("met");
    expect(verdict(full, "ra.4")).toBe("unknown"); // no crime figures until the self-assessment
  });

  it("fails registration below 100% of households and the force with a disciplined member", async () => {
    const area = await createResidentialArea(w.t.app.db, w.baclieuId, "Khóm Thiếu Hộ");
    for (const signed of [true, false]) await household(area, signed);
    const team = await group(area, "grassroots_security_team", "completed");
    await h.ok(
      w.front,
      "POST",
      `/groups/${team}/members`,
      { fullName: "Lê Văn Phúc", birthDate: "1980-01-01", joinedOn: "2021-01-01", disciplined: true },
      201,
    );
    const id = await cycleFor(w.front, area);
    const e = await evidence(id);
    expect(e.households).toMatchObject({ households: 2, signed: 1, registered: 1, registrationRate: 0.5 });
    expect(verdict(e, "ra.1")).toBe("not_met");
    expect(e.disciplinedMembers).toBe(1);
    expect(verdict(e, "ra.5")).toBe("not_met");
    expect(e.overall).toBe("not_met");
  });

  it("compares the crime figures entered with the self-assessment against the previous year", async () => {
    const area = await createResidentialArea(w.t.app.db, w.baclieuId, "Khóm Số Liệu");
    const id = await cycleFor(w.front, area);
    await h.ok(
      w.front,
      "POST",
      `/certification/cycles/${id}/self-assessment`,
      h.selfAssessment(["ra.4"], { crimes: 4, crimesPreviousYear: 4 }),
    );
    const e = await evidence(id);
    expect(e.crime).toEqual({
      crimes: 4,
      crimesPreviousYear: 4,
      socialEvils: 0,
      socialEvilsPreviousYear: 2,
      source: "self_assessment",
    });
    expect(verdict(e, "ra.4")).toBe("not_met");
    expect(e.criteria.find((c) => c.code === "ra.4")?.selfAssessed).toBe(true);
  });
});

describe("disqualifying events and the window", () => {
  it("counts an event on the window's last day, not one the day after or before its first day", async () => {
    const inside = await createResidentialArea(w.t.app.db, w.baclieuId, "Khóm Trong Kỳ");
    const after = await createResidentialArea(w.t.app.db, w.baclieuId, "Khóm Sau Kỳ");
    const before = await createResidentialArea(w.t.app.db, w.baclieuId, "Khóm Trước Kỳ");
    await event(inside, `${YEAR}-10-31`);
    await event(after, `${YEAR}-11-01`);
    await event(before, `${YEAR - 1}-10-31`);
    // Inside, but excused: force majeure, detected, mitigated and reported at once (Art. 4.4.b).
    await event(before, `${YEAR - 1}-11-01`, { forceMajeure: true, reportedPromptly: true });
    const e1 = await evidence(await cycleFor(w.front, inside));
    expect(e1.events.map((e) => [e.occurredOn, e.disqualifies])).toEqual([[`${YEAR}-10-31`, true]]);
    expect(verdict(e1, "ra.4")).toBe("not_met");
    const e2 = await evidence(await cycleFor(w.front, after));
    expect(e2.events).toEqual([]);
    const e3 = await evidence(await cycleFor(w.front, before));
    expect(e3.events.map((e) => [e.occurredOn, e.disqualifies])).toEqual([[`${YEAR - 1}-11-01`, false]]);
    expect(verdict(e3, "ra.4")).toBe("unknown");
  });

  it("excuses a serious crime only by force majeure with prompt handling (Art. 4.4.b), never an anti-State activity", async () => {
    const area = await createResidentialArea(w.t.app.db, w.baclieuId, "Khóm Báo Cáo");
    const reported = await event(area, `${YEAR}-05-01`, { reportedPromptly: true });
    expect(reported.disqualifies).toBe(true); // "reported promptly" alone is no excuse
    const excused = await event(area, `${YEAR}-05-01`, { forceMajeure: true, reportedPromptly: true });
    expect(excused.disqualifies).toBe(false);
    const other = await event(area, `${YEAR}-05-02`, {
      kind: "anti_state_activity",
      severity: "minor",
      reportedPromptly: true,
    });
    expect(other.disqualifies).toBe(true);
    const e = await evidence(await cycleFor(w.front, area));
    expect(verdict(e, "ra.3")).toBe("not_met");
  });

  it("is 400 for an unknown kind, 403 for a residential-area cadre, 404 out of scope; audited without the text", async () => {
    const bad = await h.api(w.police, "POST", "/certification/disqualifying-events", {
      orgUnitId: w.areaId,
      kind: "x",
      occurredOn: `${YEAR}-01-01`,
      severity: "minor",
      description: "a",
    });
    expect(bad.statusCode).toBe(400);
    const denied = await h.api(w.area, "POST", "/certification/disqualifying-events", {});
    expect(denied.statusCode).toBe(403);
    const hidden = await h.api(w.police, "POST", "/certification/disqualifying-events", {
      orgUnitId: w.anxuyenId,
      kind: "sabotage",
      occurredOn: `${YEAR}-01-01`,
      severity: "minor",
      description: "a",
    });
    expect(hidden.statusCode).toBe(404);
    const province = await unitByCode(w.t.app.db, "province", "96");
    const atProvince = await h.api(w.admin, "POST", "/certification/disqualifying-events", {
      orgUnitId: province.id,
      kind: "sabotage",
      occurredOn: `${YEAR}-01-01`,
      severity: "minor",
      description: "a",
    });
    expect(atProvince.statusCode).toBe(400);
    const list = await h.ok(w.viewer, "GET", `/certification/disqualifying-events?orgUnitId=${w.baclieuId}`);
    expect(list.items.length).toBeGreaterThan(0);
    await event(w.areaId, `${YEAR}-02-02`);
    const audit = await lastAuditEvent(w.t.app.db);
    expect(audit).toMatchObject({ action: "certification.event_recorded" });
    expect(JSON.stringify(audit?.data)).not.toContain("thương tích");
  });
});

describe("the commune rule: 100% registered and at least 70% recognised", () => {
  it("holds at its edges as a pure rule", () => {
    expect(childrenRule(25, 25, 18, 0.7).passes).toBe(true);
    expect(childrenRule(25, 25, 17, 0.7).passes).toBe(false);
    expect(childrenRule(25, 24, 24, 0.7).passes).toBe(false);
    expect(childrenRule(10, 10, 7, 0.7).passes).toBe(true);
    expect(childrenRule(0, 0, 0, 0.7).passes).toBe(false);
  });

  it("is computed from the commune's units: 18 of 25 passes, 17 of 25 fails, 24 registered fails", async () => {
    const db = w.t.app.db;
    const areas: string[] = [];
    for (let i = 1; i <= 25; i += 1) areas.push(await createResidentialArea(db, w.anxuyenId, `Ấp ${i}`));
    const ids: string[] = [];
    for (const a of areas) ids.push(await cycleFor(w.anxuyen, a));
    // Decisions are not under test here: set the outcomes straight in the table.
    await db
      .update(certificationCycles)
      .set({ status: "recognised" })
      .where(sql`${certificationCycles.id} in ${ids.slice(0, 18)}`);
    await db
      .update(certificationCycles)
      .set({ status: "not_recognised" })
      .where(sql`${certificationCycles.id} in ${ids.slice(18)}`);
    const commune = await cycleFor(w.anxuyen, w.anxuyenId);
    const read = async () =>
      (await h.ok(w.anxuyen, "GET", `/certification/cycles/${commune}/evidence`)) as Evidence;
    let e = await read();
    expect(e.children).toEqual({
      total: 25,
      registered: 25,
      recognised: 18,
      recognisedRate: 0.72,
      threshold: 0.7,
      passes: true,
    });
    expect(verdict(e, "cm.4")).toBe("met");
    await db
      .update(certificationCycles)
      .set({ status: "not_recognised" })
      .where(eq(certificationCycles.id, ids[0]!));
    e = await read();
    expect(e.children).toMatchObject({ recognised: 17, recognisedRate: 0.68, passes: false });
    expect(verdict(e, "cm.4")).toBe("not_met");
    await db
      .update(certificationCycles)
      .set({ status: "recognised" })
      .where(eq(certificationCycles.id, ids[0]!));
    await db.delete(certificationCycles).where(eq(certificationCycles.id, ids[24]!));
    e = await read();
    expect(e.children).toMatchObject({ total: 25, registered: 24, recognised: 18, passes: false });
    const overview = await h.ok(
      w.anxuyen,
      "GET",
      `/certification/overview?orgUnitId=${w.anxuyenId}&year=${YEAR}`,
    );
    expect(overview.notRegistered.map((u: { name: string }) => u.name)).toEqual(["Ấp 25"]);
  });
});

describe("seedCertificationDemo", () => {
  it("writes cycles a user can read, with a verifiable certificate for the earlier year", async () => {
    await seedCertificationDemo(
      w.t.app.db,
      { areaId: w.areaId, wardId: w.baclieuId, otherWardId: w.anxuyenId },
      2023,
    );
    const list = await h.ok(w.front, "GET", `/certification/cycles?orgUnitId=${w.areaId}`);
    expect(list.items.map((c: { year: number; status: string }) => [c.year, c.status])).toEqual([
      [2022, "recognised"],
      [2023, "registered"],
    ]);
    const recognised = await h.ok(w.front, "GET", `/certification/cycles/${list.items[0].id}`);
    expect((await h.api(null, "GET", `/certificates/${recognised.certificateCode}`)).statusCode).toBe(200);
  });
});
