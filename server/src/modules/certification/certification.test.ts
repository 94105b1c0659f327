import { sql } from "drizzle-orm";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createResidentialArea, lastAuditEvent, unitByCode } from "../../test/factories";
import { computeIndicator } from "../indicators";
import { certificationRatesByChild, countsFromUnits } from "./certification.rates";
import { buildWorld, helpers, YEAR, type World } from "./test-support";

let w: World;
const h = helpers(() => w);

beforeAll(async () => {
  w = await buildWorld();
});
afterAll(() => w.t.close());

type ErrorBody = { error: { code: string; message: string; issues?: { path: string; message: string }[] } };

describe("registerForCertification", () => {
  it("is 401 anonymous, 403 for a viewer, 404 out of scope", async () => {
    expect((await h.register(null as never, w.areaId)).statusCode).toBe(401);
    expect((await h.register(w.viewer, w.areaId)).statusCode).toBe(403);
    expect((await h.register(w.anxuyen, w.areaId)).statusCode).toBe(404);
  });

  it("is 400 with the exact message for a province and for a date outside the window, writing nothing", async () => {
    const before = await lastAuditEvent(w.t.app.db);
    const res = await h.register(w.admin, (await unitByCode(w.t.app.db, "province", "96")).id);
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.issues).toEqual([
      {
        path: "orgUnitId",
        message:
          "Chỉ khu dân cư, xã/phường/đặc khu, cơ quan, doanh nghiệp, cơ sở giáo dục được xét công nhận",
      },
    ]);
    const late = await h.register(w.front, w.baclieuId, { registeredOn: `${YEAR - 2}-01-05` });
    expect(late.json<ErrorBody>().error.issues).toEqual([
      { path: "registeredOn", message: "Ngày đăng ký nằm ngoài kỳ đánh giá của năm" },
    ]);
    expect((await lastAuditEvent(w.t.app.db))?.id).toBe(before?.id);
  });

  it("opens the cycle with the configured window and deadline, audited; refuses a second one", async () => {
    const res = await h.register(w.area, w.areaId);
    expect(res.statusCode, res.body).toBe(201);
    const cycle = res.json();
    expect(cycle).toMatchObject({
      unitType: "residential_area",
      status: "registered",
      windowFrom: `${YEAR - 1}-11-01`,
      windowTo: `${YEAR}-10-31`,
      decisionDeadline: `${YEAR}-11-15`,
      criteriaVersion: "TT124/2021",
      allowedSteps: ["selfAssess"],
    });
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({
      action: "certification.registered",
      entityId: cycle.id,
      actorId: w.area.accountId,
    });
    expect((await h.register(w.front, w.areaId)).statusCode).toBe(409);
  });
});

describe("the transition table", () => {
  let id: string;
  beforeAll(async () => {
    const [c] = (await h.ok(w.front, "GET", `/certification/cycles?orgUnitId=${w.areaId}`)).items;
    id = c.id;
  });
  const post = (s: Parameters<typeof h.api>[0], step: string, body: unknown) =>
    h.api(s, "POST", `/certification/cycles/${id}/${step}`, body);

  it("refuses steps out of order with 409 invalid_transition", async () => {
    expect((await post(w.area, "review-meeting", h.meeting)).json<ErrorBody>().error.code).toBe(
      "invalid_transition",
    );
    expect((await post(w.police, "appraisal", h.appraisal)).statusCode).toBe(409);
    expect((await post(w.front, "decision", h.decision())).statusCode).toBe(409);
  });

  it("checks each step's role and level", async () => {
    // The residential-area cadre may not appraise or decide at all: 403 before validation.
    expect((await post(w.area, "appraisal", {})).statusCode).toBe(403);
    expect((await post(w.area, "decision", {})).statusCode).toBe(403);
    expect((await post(w.viewer, "self-assessment", {})).statusCode).toBe(403);
    // Another commune's Front: the cycle is not visible.
    expect((await post(w.anxuyen, "self-assessment", h.selfAssessment(["ra.1"]))).statusCode).toBe(404);
  });

  it("validates a self-assessment whole (unknown criterion, future date) and writes nothing", async () => {
    const before = await lastAuditEvent(w.t.app.db);
    const res = await post(
      w.area,
      "self-assessment",
      h.selfAssessment(["ra.1", "cm.4"], { assessedOn: "2099-01-01" }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.issues).toEqual([
      { path: "answers.1.criterionCode", message: "Tiêu chí không có trong bộ tiêu chí" },
      { path: "assessedOn", message: "Ngày tự đánh giá ở tương lai" },
    ]);
    expect((await lastAuditEvent(w.t.app.db))?.id).toBe(before?.id);
  });

  it("moves registered → self-assessed → reviewed → appraised → recognised with the right people", async () => {
    expect((await post(w.area, "self-assessment", h.selfAssessment(["ra.1", "ra.5"]))).statusCode).toBe(200);
    // A self-assessment may be revised until the meeting.
    const again = await post(w.area, "self-assessment", h.selfAssessment(["ra.1", "ra.2", "ra.5"]));
    expect(again.json().status).toBe("self_assessed");
    const reviewed = await post(w.area, "review-meeting", h.meeting);
    expect(reviewed.json()).toMatchObject({ status: "reviewed", allowedSteps: [] });
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({
      action: "certification.reviewed",
      entityId: id,
    });
    // The unit cannot appraise itself, even from the commune when the commune is the unit: see below.
    const appraised = await post(w.police, "appraisal", h.appraisal);
    expect(appraised.statusCode, appraised.body).toBe(200);
    expect(appraised.json().status).toBe("appraised");
    // No dossier scans yet: a clear 409 naming what is missing.
    const refused = await post(w.front, "decision", h.decision());
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ErrorBody>().error).toMatchObject({
      code: "conflict",
      message: "Hồ sơ đề nghị công nhận chưa đầy đủ, chưa thể ra quyết định.",
      issues: [
        { path: "documents.submission", message: "Chưa tải lên bản ký Tờ trình" },
        { path: "documents.results_report", message: "Chưa tải lên bản ký Báo cáo kết quả" },
        { path: "documents.minutes", message: "Chưa tải lên bản ký Biên bản cuộc họp" },
      ],
    });
    for (const kind of ["submission", "results_report", "minutes"]) {
      expect((await h.upload(w.area, id, kind)).statusCode).toBe(200);
    }
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({ action: "certification.document_uploaded" });
    // After the deadline a reason is needed.
    const late = await post(w.front, "decision", h.decision({ decisionDate: `${YEAR}-11-16` }));
    expect(late.statusCode).toBe(400);
    expect(late.json<ErrorBody>().error.issues).toEqual([
      { path: "lateReason", message: `Quyết định sau hạn 15/11/${YEAR}: cần nêu lý do chậm` },
    ]);
    const decided = await post(w.front, "decision", h.decision());
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({
      status: "recognised",
      decisionNumber: "125/QĐ-UBND",
      daysLeft: null,
    });
    expect(decided.json().certificateCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({
      action: "certification.decided",
      actorId: w.front.accountId,
      data: expect.objectContaining({ outcome: "recognised", late: false }),
    });
    // Decided is final.
    expect((await post(w.front, "decision", h.decision())).statusCode).toBe(409);
    expect((await post(w.area, "self-assessment", h.selfAssessment(["ra.1"]))).statusCode).toBe(409);
    expect((await h.upload(w.area, id, "minutes")).statusCode).toBe(409);
  });

  it("needs the level above the unit: a commune's own police cannot appraise the commune", async () => {
    const reg = await h.register(w.front, w.baclieuId);
    expect(reg.statusCode, reg.body).toBe(201);
    const cid = reg.json<{ id: string }>().id;
    await h.ok(w.front, "POST", `/certification/cycles/${cid}/self-assessment`, h.selfAssessment(["cm.1"]));
    await h.ok(w.front, "POST", `/certification/cycles/${cid}/review-meeting`, h.meeting);
    const own = await h.api(w.police, "POST", `/certification/cycles/${cid}/appraisal`, h.appraisal);
    expect(own.statusCode).toBe(403);
    const byProvince = await h.api(w.province, "POST", `/certification/cycles/${cid}/appraisal`, h.appraisal);
    expect(byProvince.statusCode, byProvince.body).toBe(200);
    expect((await h.ok(w.front, "GET", `/certification/cycles/${cid}`)).allowedSteps).toEqual([]);
    expect((await h.ok(w.province, "GET", `/certification/cycles/${cid}`)).allowedSteps).toEqual(["decide"]);
  });
});

describe("the certificate", () => {
  it("is verified publicly by its code, on the API and the page; a forged code is rejected", async () => {
    const [c] = (await h.ok(w.front, "GET", `/certification/cycles?orgUnitId=${w.areaId}&status=recognised`))
      .items;
    const code = (await h.ok(w.front, "GET", `/certification/cycles/${c.id}`)).certificateCode as string;
    const res = await h.api(null, "GET", `/certificates/${code.toLowerCase()}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      valid: true,
      unitName: "Khóm 1",
      year: YEAR,
      decisionNumber: "125/QĐ-UBND",
    });
    const page = await w.t.app.inject({ method: "GET", url: `/verify/${res.json().code}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Giấy công nhận hợp lệ");
    expect(page.body).toContain("Khóm 1");
    const forged = code.slice(0, 15) + (code[15] === "0" ? "1" : "0");
    expect((await h.api(null, "GET", `/certificates/${forged}`)).statusCode).toBe(404);
    const bad = await w.t.app.inject({ method: "GET", url: `/verify/${forged}` });
    expect(bad.statusCode).toBe(404);
    expect(bad.body).toContain("Không tìm thấy giấy công nhận");
    expect((await w.t.app.inject({ method: "GET", url: "/verify/%3Cscript%3E" })).body).not.toContain(
      "<script>",
    );
  });

  it("serves DOCX drafts of the dossier in the Decree 30 layout", async () => {
    const [c] = (await h.ok(w.front, "GET", `/certification/cycles?orgUnitId=${w.areaId}`)).items;
    const res = await h.api(w.front, "GET", `/certification/cycles/${c.id}/documents/submission/draft`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("wordprocessingml");
    expect(res.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file("word/document.xml")!.async("string");
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    // The area named with its ward, the place filled, addressed to the ward's chairman.
    expect(text).toContain("KHÓM 1, PHƯỜNG BẠC LIÊU");
    expect(text).toMatch(/Bạc Liêu, ngày \d{2} tháng (0[12]|[3-9]|1[0-2]) năm \d{4}/);
    expect(text).toContain("Kính gửi: Chủ tịch Ủy ban nhân dân phường Bạc Liêu");
    expect(text).not.toContain("…,");
    expect(text).not.toContain("cấp xã");
    // Page numbers from page 2: a PAGE field in the default header, an empty first-page header.
    expect(xml).toContain("<w:titlePg/>");
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^word\/header\d+\.xml$/.test(f))
        .map((f) => zip.file(f)!.async("string")),
    );
    expect(headers.filter((x) => x.includes("PAGE"))).toHaveLength(1);
    const scan = await h.api(w.viewer, "GET", `/certification/cycles/${c.id}/documents/minutes`);
    expect(scan.statusCode).toBe(200);
    expect(scan.headers["content-type"]).toBe("application/pdf");
  });
});

describe("rates as indicators", () => {
  it("reads the share of recognised residential areas; null where no unit has a cycle", async () => {
    const commune = await w.t.app.db.query.orgUnits.findFirst({
      where: (u, { eq }) => eq(u.id, w.baclieuId),
    });
    const scope = { rollupPathPrefix: commune!.path, year: YEAR, asOf: `${YEAR}-12-31` };
    expect(await computeIndicator(w.t.app.db, "certification.residential_area_rate", scope)).toBe(1);
    expect(await computeIndicator(w.t.app.db, "certification.commune_rate", scope)).toBe(0);
    expect(await computeIndicator(w.t.app.db, "certification.agency_rate", scope)).toBeNull();
    expect(
      await computeIndicator(w.t.app.db, "certification.residential_area_rate", { ...scope, year: YEAR - 1 }),
    ).toBeNull();
  });

  it("gives the same rates from the rollups, by child and unit by unit, as counted from the units", async () => {
    const db = w.t.app.db;
    const province = await db.query.orgUnits.findFirst({
      where: (u, { and, eq, isNull }) => and(eq(u.code, "96"), eq(u.kind, "province"), isNull(u.validTo)),
    });
    const KINDS = {
      residential_area_rate: ["residential_area"],
      commune_rate: ["commune"],
      agency_rate: ["agency", "enterprise", "school"],
    } as const;
    /** The rate counted straight from org_units and certification_cycles (no rollup). */
    const fromUnits = async (path: string, code: keyof typeof KINDS) => {
      const kinds: readonly string[] = KINDS[code];
      const rows = (await countsFromUnits(db, path, YEAR, false)).filter((r) => kinds.includes(r.kind));
      const units = rows.reduce((n, r) => n + r.units, 0);
      const cycles = rows.reduce((n, r) => n + r.cycles, 0);
      const recognised = rows.reduce((n, r) => n + r.recognised, 0);
      return units === 0 || cycles === 0 ? null : Math.round((recognised / units) * 10_000) / 10_000;
    };
    const compare = async () => {
      const byChild = await certificationRatesByChild(db, { path: province!.path, year: YEAR });
      const children = await db.query.orgUnits.findMany({
        where: (u, { and, eq, isNull }) => and(eq(u.parentId, province!.id), isNull(u.validTo)),
      });
      let compared = 0;
      for (const unit of [province!, ...children]) {
        const scope = { rollupPathPrefix: unit.path, year: YEAR, asOf: `${YEAR}-12-31` };
        const rates = byChild.get(unit.id === province!.id ? "" : unit.id);
        for (const code of Object.keys(KINDS) as (keyof typeof KINDS)[]) {
          const expected = await fromUnits(unit.path, code);
          expect(rates?.[`certification.${code}`] ?? null, `${unit.name} ${code}`).toBe(expected);
          expect(await computeIndicator(db, `certification.${code}`, scope), `${unit.name} ${code}`).toBe(
            expected,
          );
          if (expected !== null) compared++;
        }
      }
      return compared;
    };
    expect(await compare()).toBeGreaterThanOrEqual(2);
    // A new residential area lowers the commune's rate; an area merged away (no longer current)
    // leaves the counts with its cycle.
    const commune = await db.query.orgUnits.findFirst({ where: (u, { eq }) => eq(u.id, w.baclieuId) });
    const before = await fromUnits(commune!.path, "residential_area_rate");
    await createResidentialArea(db, w.baclieuId, "Khóm Mới Lập");
    const after = await fromUnits(commune!.path, "residential_area_rate");
    expect(after).toBeLessThan(before!);
    await compare();
    await db.execute(sql`update org_units set valid_to = ${`${YEAR}-12-31`}::date where id = ${w.areaId}`);
    await compare();
    await db.execute(sql`update org_units set valid_to = null where id = ${w.areaId}`);
    expect(await compare()).toBeGreaterThanOrEqual(2);
  });
});

describe("classifyMovement", () => {
  it("scores on the configured sheet, refuses points above a criterion's maximum, audits the level", async () => {
    const [c] = (await h.ok(w.front, "GET", `/certification/cycles?orgUnitId=${w.areaId}`)).items;
    const url = `/certification/cycles/${c.id}/classification`;
    const sheets = await h.ok(w.viewer, "GET", "/certification/scoring-sheets");
    expect(sheets.items[0]).toMatchObject({ code: "qd510-placeholder", verified: false });
    const over = await h.api(w.area, "POST", url, {
      sheetCode: "qd510-placeholder",
      scores: { leadership: 25 },
    });
    expect(over.json<ErrorBody>().error.issues).toEqual([
      { path: "scores.leadership", message: "Tối đa 20 điểm" },
    ]);
    const scores = { leadership: 18, propaganda: 15, models: 14, results: 20, commendation: 6 };
    const res = await h.ok(w.area, "POST", url, { sheetCode: "qd510-placeholder", scores });
    expect(res).toMatchObject({ total: 73, level: "good" });
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({
      action: "certification.classified",
      entityId: c.id,
    });
    const history = await h.ok(w.viewer, "GET", `/certification/units/${w.areaId}/history`);
    expect(history.items).toEqual([
      expect.objectContaining({ year: YEAR, status: "recognised", crimes: 1, classification: "good" }),
    ]);
  });
});
