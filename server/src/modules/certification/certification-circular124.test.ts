// The rules of Circular 124/2021/TT-BCA as its articles word them (issue 14 items 1–6): each test
// names the article and fails on the earlier, wrong reading.
import { todayInVietnam } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { createResidentialArea, lastAuditEvent, signedInAs, unitByCode } from "../../test/factories";
import type { Session } from "../../test/harness";
import { buildWorld, helpers, YEAR, type World } from "./test-support";

let w: World;
const h = helpers(() => w);

beforeAll(async () => {
  w = await buildWorld();
});
afterAll(() => w.t.close());

type Criterion = { code: string; verdict: string; basis: string; facts: { key: string; value: unknown }[] };
type Evidence = {
  criteria: Criterion[];
  events: { kind: string; disqualifies: boolean; basis: string | null }[];
  provinceCriteriaVersion: { id: string; pinned: boolean } | null;
};
const criterion = (e: Evidence, code: string) => e.criteria.find((c) => c.code === code);
const evidence = async (id: string) =>
  (await h.ok(w.front, "GET", `/certification/cycles/${id}/evidence`)) as Evidence;

async function cycleFor(unitId: string, extra: Record<string, unknown> = {}) {
  const res = await h.register(w.front, unitId, extra);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

async function localUnit(kind: "agency" | "enterprise" | "school", name: string) {
  const u = await h.ok(w.front, "POST", "/org-units", { parentId: w.baclieuId, kind, name }, 201);
  return u.id as string;
}

const event = (orgUnitId: string, body: Record<string, unknown>) =>
  h.api(w.police, "POST", "/certification/disqualifying-events", {
    orgUnitId,
    occurredOn: `${YEAR}-05-01`,
    severity: "serious",
    description: "Sự việc ghi nhận trong kỳ",
    ...body,
  });
async function recorded(orgUnitId: string, body: Record<string, unknown>) {
  const res = await event(orgUnitId, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ disqualifies: boolean; basis: string | null }>();
}

describe("Art. 5.3: the commune police, not the grassroots teams", () => {
  it("does not fail a commune on criterion 3 for a disciplined team member; a disciplined police officer does", async () => {
    const area = await createResidentialArea(w.t.app.db, w.baclieuId, "Khóm Tổ Bảo Vệ");
    const team = await h.ok(
      w.front,
      "POST",
      "/groups",
      { orgUnitId: area, typeCode: "grassroots_security_team", name: "Tổ bảo vệ", foundedOn: "2020-01-01" },
      201,
    );
    await h.ok(
      w.front,
      "POST",
      `/groups/${team.id}/members`,
      { fullName: "Lê Văn Phúc", birthDate: "1980-01-01", joinedOn: "2021-01-01", disciplined: true },
      201,
    );
    await recorded(area, { kind: "member_disciplined", severity: "minor", disciplineLevel: "canh_cao" });
    const commune = await cycleFor(w.baclieuId);
    let e = await evidence(commune);
    expect(criterion(e, "cm.3")).toMatchObject({
      verdict: "unknown", // the "proactive" part is for people; nobody in the police was disciplined
      basis: "Thông tư 124/2021/TT-BCA, Điều 5 khoản 3",
      facts: [{ key: "communePoliceDisciplined", value: 0 }],
    });
    const police = await recorded(w.baclieuId, {
      kind: "commune_police_disciplined",
      severity: "minor",
      disciplineLevel: "khien_trach",
    });
    expect(police).toMatchObject({ disqualifies: true, basis: "Thông tư 124/2021/TT-BCA, Điều 5 khoản 3" });
    e = await evidence(commune);
    expect(criterion(e, "cm.3")?.verdict).toBe("not_met");
  });
});

describe("Art. 4.4.b, 4.4.d, 6.3.đ, 6.3.g: force majeure", () => {
  it("no longer excuses a fire at a school (6.3.g has no exception); still excuses one in a residential area (4.4.d)", async () => {
    const school = await localUnit("school", "Trường THCS Cháy Nổ");
    const fire = { kind: "fire_explosion_accident", forceMajeure: true, reportedPromptly: true };
    expect(await recorded(school, fire)).toMatchObject({
      disqualifies: true,
      basis: "Thông tư 124/2021/TT-BCA, Điều 6 khoản 3 điểm g (Điều 7 khoản 3)",
    });
    const e = await evidence(await cycleFor(school));
    expect(criterion(e, "sc.3")?.verdict).toBe("not_met");
    const area = await createResidentialArea(w.t.app.db, w.baclieuId, "Khóm Bão Lũ");
    expect((await recorded(area, fire)).disqualifies).toBe(false);
  });

  it("does not excuse a serious crime 'reported promptly' alone; force majeure with prompt handling does", async () => {
    const area = await createResidentialArea(w.t.app.db, w.baclieuId, "Khóm Tội Phạm");
    const crime = { kind: "serious_crime" };
    expect((await recorded(area, { ...crime, reportedPromptly: true })).disqualifies).toBe(true);
    expect((await recorded(area, { ...crime, forceMajeure: true })).disqualifies).toBe(true);
    expect(
      (await recorded(area, { ...crime, forceMajeure: true, reportedPromptly: true })).disqualifies,
    ).toBe(false);
    const e = await evidence(await cycleFor(area));
    expect(criterion(e, "ra.4")?.verdict).toBe("not_met");
  });

  it("counts a serious crime at an enterprise against criterion 3 (6.3.đ)", async () => {
    const enterprise = await localUnit("enterprise", "Công ty TNHH Tội Phạm");
    await recorded(enterprise, { kind: "serious_crime", reportedPromptly: true });
    const e = await evidence(await cycleFor(enterprise));
    expect(criterion(e, "en.3")?.verdict).toBe("not_met");
  });
});

describe("Art. 6.3.h: discipline of cảnh cáo or above", () => {
  it("does not fail an agency for a khiển trách; fails it for a cảnh cáo; needs the level (400)", async () => {
    const agency = await localUnit("agency", "Sở Kỷ Luật");
    const cycle = await cycleFor(agency);
    const staff = { kind: "staff_disciplined", severity: "minor" };
    expect((await recorded(agency, { ...staff, disciplineLevel: "khien_trach" })).disqualifies).toBe(false);
    expect(criterion(await evidence(cycle), "ag.3")?.verdict).toBe("met");
    const missing = await event(agency, staff);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.issues).toEqual([
      { path: "disciplineLevel", message: "Chưa chọn hình thức kỷ luật" },
    ]);
    const warned = await recorded(agency, { ...staff, disciplineLevel: "canh_cao" });
    expect(warned).toMatchObject({
      disqualifies: true,
      basis: "Thông tư 124/2021/TT-BCA, Điều 6 khoản 3 điểm h",
    });
    expect(criterion(await evidence(cycle), "ag.3")?.verdict).toBe("not_met");
  });
});

describe("Art. 6.1, 7.1: internal rules and 100% briefed", () => {
  it("needs both recorded at the self-assessment, and meets criterion 1 only with both", async () => {
    const agency = await localUnit("agency", "Ban Quán Triệt");
    await h
      .ok(
        w.front,
        "POST",
        "/groups",
        { orgUnitId: agency, typeCode: "security_camera", name: "Mô hình camera", foundedOn: "2020-01-01" },
        201,
      )
      .then((g: { id: string }) =>
        h.ok(
          w.front,
          "POST",
          `/groups/${g.id}/evaluations`,
          {
            evaluatedOn: `${YEAR}-09-30`,
            periodFrom: `${YEAR - 1}-11-16`,
            periodTo: `${YEAR}-09-30`,
            rating: "effective",
          },
          201,
        ),
      );
    const cycle = await cycleFor(agency);
    expect(criterion(await evidence(cycle), "ag.1")?.verdict).toBe("unknown");
    const url = `/certification/cycles/${cycle}/self-assessment`;
    const none = await h.api(w.front, "POST", url, h.selfAssessment(["ag.1"]));
    expect(none.statusCode).toBe(400);
    expect(none.json().error.issues.map((i: { path: string }) => i.path)).toEqual([
      "internalRules",
      "peopleToBrief",
      "peopleBriefed",
    ]);
    const assess = async (extra: Record<string, unknown>) => {
      await h.ok(w.front, "POST", url, h.selfAssessment(["ag.1"], extra));
      return criterion(await evidence(cycle), "ag.1")?.verdict;
    };
    expect(await assess({ internalRules: true, peopleToBrief: 40, peopleBriefed: 39 })).toBe("not_met");
    expect(await assess({ internalRules: false, peopleToBrief: 40, peopleBriefed: 40 })).toBe("not_met");
    expect(await assess({ internalRules: true, peopleToBrief: 40, peopleBriefed: 40 })).toBe("met");
  });
});

describe("updateCertificationCriteria: versions of a province's criteria (Art. 8.1)", () => {
  const today = () => todayInVietnam();
  const body = (extra: Record<string, unknown> = {}) => ({
    effectiveFrom: today(),
    basis: "Quyết định 99/QĐ-UBND ngày 01/12/2026 của UBND tỉnh Cà Mau",
    extraCriteria: [
      {
        unitType: "residential_area",
        code: "tinh.1",
        article: "Điều 2 khoản 1",
        titleVi: "Có camera an ninh tại các tuyến đường chính",
      },
    ],
    authorities: [
      {
        unitType: "residential_area",
        recognisingAuthority: "Chủ tịch UBND xã (theo QĐ 99)",
        authorityVerified: true,
      },
    ],
    ...extra,
  });
  let caMau: string;
  const url = () => `/certification/provinces/${caMau}/criteria`;
  const versions = async () =>
    queryRows<{ n: number | string }>(
      w.t.app.db,
      sql`select count(*) as n from certification_criteria_versions where province_id = ${caMau}`,
    ).then((r) => Number(r[0]!.n));

  it("is 401 signed out, 403 for anyone but a province-level administrator of that province", async () => {
    caMau = (await unitByCode(w.t.app.db, "province", "96")).id;
    expect((await h.api(null, "PUT", url(), body())).statusCode).toBe(401);
    for (const s of [w.police, w.front, w.viewer, w.admin]) {
      expect((await h.api(s, "PUT", url(), body())).statusCode).toBe(403);
    }
    const otherProvince = await unitByCode(w.t.app.db, "province", "01");
    const other: Session = await signedInAs(w.t.app, "province_front", otherProvince.id);
    expect((await h.api(other, "PUT", url(), body())).statusCode).toBe(403);
    expect(await versions()).toBe(0);
  });

  it("is 400 for bad input and changes nothing", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ basis: "" }, "basis"],
      [{ effectiveFrom: "2020-01-01" }, "effectiveFrom"],
      [{ extraCriteria: [{ ...body().extraCriteria[0], code: "ra.1" }] }, "extraCriteria.0.code"],
      [{ extraCriteria: [{ ...body().extraCriteria[0], code: "Có Dấu" }] }, "extraCriteria.0.code"],
    ];
    for (const [extra, path] of cases) {
      const res = await h.api(w.province, "PUT", url(), body(extra));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    expect(await versions()).toBe(0);
  });

  it("adds a version that never alters a decision already made; a later assessment is pinned to it", async () => {
    const decidedArea = await createResidentialArea(w.t.app.db, w.baclieuId, "Khóm Đã Công Nhận");
    const decided = await h.toAppraised(decidedArea, w.front, w.province);
    await h.ok(w.province, "POST", `/certification/cycles/${decided}/decision`, h.decision());
    const before = await h.ok(w.front, "GET", `/certification/cycles/${decided}`);
    const evidenceBefore = await evidence(decided);

    const list = await h.ok(w.province, "PUT", url(), body());
    expect(list).toMatchObject({ provinceId: caMau, can: { update: true } });
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ effectiveFrom: today(), inForce: true, cyclesAssessed: 0 });
    expect(list.national.map((v: { label: string }) => v.label)).toEqual(["TT124/2021"]);
    const audit = await lastAuditEvent(w.t.app.db);
    expect(audit).toMatchObject({
      action: "certification.criteria_updated",
      entityType: "certification_criteria_version",
      entityId: list.items[0].id,
    });

    // The decided cycle: same criteria, same authority, same decision.
    const after = await h.ok(w.front, "GET", `/certification/cycles/${decided}`);
    expect(after.recognisingAuthority).toBe(before.recognisingAuthority);
    expect(after.decision).toEqual(before.decision);
    expect(after.provinceCriteriaVersion).toBeNull();
    const evidenceAfter = await evidence(decided);
    expect(evidenceAfter.criteria.map((c) => c.code)).toEqual(evidenceBefore.criteria.map((c) => c.code));
    expect(evidenceAfter.criteria.some((c) => c.code === "tinh.1")).toBe(false);

    // A cycle assessed from today on is judged under the new version and keeps it.
    const area = await createResidentialArea(w.t.app.db, w.baclieuId, "Khóm Tiêu Chí Mới");
    const cycle = await cycleFor(area);
    await h.ok(
      w.front,
      "POST",
      `/certification/cycles/${cycle}/self-assessment`,
      h.selfAssessment(["ra.1", "tinh.1"], { assessedOn: today() }),
    );
    const pinned = await evidence(cycle);
    expect(pinned.provinceCriteriaVersion).toMatchObject({ id: list.items[0].id, pinned: true });
    expect(criterion(pinned, "tinh.1")).toMatchObject({
      verdict: "unknown",
      basis: "Quyết định 99/QĐ-UBND ngày 01/12/2026 của UBND tỉnh Cà Mau, Điều 2 khoản 1",
    });
    const detail = await h.ok(w.front, "GET", `/certification/cycles/${cycle}`);
    expect(detail.recognisingAuthority).toBe("Chủ tịch UBND xã (theo QĐ 99)");
    expect(detail.provinceCriteriaVersion).toMatchObject({ id: list.items[0].id });

    // The same day twice is refused; nothing is rewritten.
    const again = await h.api(w.province, "PUT", url(), body());
    expect(again.statusCode).toBe(400);
    expect(await versions()).toBe(1);
  });

  it("lists the versions for the administrator with can.update, read-only for others", async () => {
    const mine = await h.ok(w.province, "GET", "/certification/criteria-versions");
    expect(mine).toMatchObject({ provinceId: caMau, can: { update: true } });
    expect(mine.items[0].cyclesAssessed).toBe(1);
    const commune = await h.ok(w.front, "GET", "/certification/criteria-versions");
    expect(commune).toMatchObject({ provinceId: null, items: [], can: { update: false } });
  });
});
