// Reports compiled from the level below: the children's approved reports gathered into the parent's
// report (frozen, with the version used), completeness and lateness, scope, exports.
import JSZip from "jszip";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childReportDueOn, todayInVietnam } from "@toandan/contracts";
import { queryRows } from "../../db/client";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import { signedInAs, unitByCode } from "../../test/factories";
import { readPdf } from "../../test/pdf";

let t: TestContext;
let caMau: Session;
let anxuyen: Session;
let baclieu: Session;
let otherProvince: Session;
let caMauId: string;
let anxuyenId: string;
let baclieuId: string;
let communes: number;

const year = new Date().getUTCFullYear() - 1;
const header = (orgUnitId: string, name: string) => ({
  orgUnitId,
  template: "six_month",
  year,
  half: 1,
  issuingBody: `Ủy ban MTTQ Việt Nam ${name}`,
  symbol: "BC-MTTQ",
  place: "Cà Mau",
  issuedOn: `${year}-07-05`,
  recipients: [],
  signerTitle: "TM. Ban Thường trực — Chủ tịch",
  signerName: "Nguyễn Văn An",
});
const post = (s: Session, url: string, body?: unknown) => call(t.app, s, "POST", `/api/v1${url}`, body);
const get = (s: Session, url: string) => call(t.app, s, "GET", `/api/v1${url}`);

async function report(s: Session, body: Record<string, unknown>, proposals = "") {
  const r = (await post(s, "/reports", body)).json();
  expect(r.id).toBeTruthy();
  if (proposals) {
    const sections = r.sections.map((x: { key: string }) =>
      x.key === "proposals" ? { ...x, text: proposals } : x,
    );
    expect((await call(t.app, s, "PATCH", `/api/v1/reports/${r.id}`, { sections })).statusCode).toBe(200);
  }
  return r.id as string;
}

let approvedId: string;
let laterDraftId: string;
let submittedId: string;
let provinceReportId: string;

beforeAll(async () => {
  t = await createTestContext();
  const db = t.app.db;
  caMauId = (await unitByCode(db, "province", "96")).id;
  anxuyenId = (await unitByCode(db, "commune", "32002")).id;
  baclieuId = (await unitByCode(db, "commune", "31825")).id;
  const other = (await unitByCode(db, "province", "01")).id;
  caMau = await signedInAs(t.app, "province_front", caMauId);
  anxuyen = await signedInAs(t.app, "commune_front", anxuyenId);
  baclieu = await signedInAs(t.app, "commune_front", baclieuId);
  otherProvince = await signedInAs(t.app, "province_front", other);
  const [n] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from org_units where parent_id = ${caMauId} and kind in ('district', 'commune', 'residential_area') and valid_to is null`,
  );
  communes = n!.n;

  // An Xuyên: approved (with proposals), then a newer draft that must not be gathered.
  approvedId = await report(
    anxuyen,
    header(anxuyenId, "phường An Xuyên"),
    "Đề nghị tỉnh hỗ trợ kinh phí lắp camera an ninh.",
  );
  expect((await post(anxuyen, `/reports/${approvedId}/submit`)).statusCode).toBe(200);
  expect((await post(caMau, `/reports/${approvedId}/approve`)).statusCode).toBe(200);
  laterDraftId = await report(
    anxuyen,
    { ...header(anxuyenId, "phường An Xuyên"), number: "9" },
    "Bản nháp mới hơn",
  );
  // Bạc Liêu: submitted, not approved.
  submittedId = await report(baclieu, header(baclieuId, "phường Bạc Liêu"), "Kiến nghị chưa được duyệt");
  expect((await post(baclieu, `/reports/${submittedId}/submit`)).statusCode).toBe(200);
  provinceReportId = await report(caMau, header(caMauId, "tỉnh Cà Mau"));
});
afterAll(() => t.close());

describe("completeness", () => {
  it("counts approved, submitted and missing children; all late past the due day", async () => {
    const res = await get(caMau, `/reports/${provinceReportId}/completeness`);
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(communes).toBeGreaterThan(2);
    expect(c.dueOn).toBe(childReportDueOn(`${year}-06-30`));
    expect(c).toMatchObject({ total: communes, approved: 1, submitted: 1, notReported: communes - 2 });
    const ax = c.children.find((x: { orgUnitId: string }) => x.orgUnitId === anxuyenId);
    expect(ax).toMatchObject({
      state: "approved",
      reportId: approvedId,
      submittedOn: todayInVietnam(),
      late: true,
    });
    const bl = c.children.find((x: { orgUnitId: string }) => x.orgUnitId === baclieuId);
    expect(bl).toMatchObject({ state: "submitted", reportId: submittedId, late: true });
    expect(c.children.filter((x: { state: string }) => x.state === "missing")).toHaveLength(communes - 2);
    // The due day of last year's first half has passed: every child is late.
    expect(c.late).toBe(communes);
  });

  it("on time when submitted before the due day; missing ones are not late before it", async () => {
    const today = todayInVietnam();
    const to = `${Number(today.slice(0, 4)) + 1}-12-31`;
    const review = (unit: string, name: string) => ({
      ...header(unit, name),
      template: "plan_review",
      half: undefined,
      periodFrom: `${today.slice(0, 4)}-01-01`,
      periodTo: to,
      issuedOn: today,
    });
    const child = await report(baclieu, review(baclieuId, "phường Bạc Liêu"));
    expect((await post(baclieu, `/reports/${child}/submit`)).statusCode).toBe(200);
    const parent = await report(caMau, review(caMauId, "tỉnh Cà Mau"));
    const c = (await get(caMau, `/reports/${parent}/completeness`)).json();
    expect(c).toMatchObject({ approved: 0, submitted: 1, notReported: communes - 1, late: 0 });
    const bl = c.children.find((x: { orgUnitId: string }) => x.orgUnitId === baclieuId);
    expect(bl).toMatchObject({ state: "submitted", late: false, submittedOn: today });
  });
});

describe("compileReportFromChildren", () => {
  it("gathers only the approved reports, frozen with the version used, into an editable section", async () => {
    const res = await post(caMau, `/reports/${provinceReportId}/compile`);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.compiled.children).toHaveLength(1);
    const [ax] = r.compiled.children;
    expect(ax).toMatchObject({
      orgUnitId: anxuyenId,
      reportId: approvedId,
      proposals: "Đề nghị tỉnh hỗ trợ kinh phí lắp camera an ninh.",
    });
    expect(ax.approvedAt).toBeTruthy();
    expect(r.compiled.children.map((c: { reportId: string }) => c.reportId)).not.toContain(laterDraftId);
    expect(r.compiled.children.map((c: { reportId: string }) => c.reportId)).not.toContain(submittedId);
    expect(r.compiled.missing).toHaveLength(communes - 1);
    expect(r.compiled.totals.map((x: { code: string }) => x.code)).toContain("activities.count");
    const section = r.sections.find((s: { key: string }) => s.key === "compiled");
    expect(section.text).toContain("Đề nghị tỉnh hỗ trợ kinh phí lắp camera an ninh.");
    expect(section.text).not.toContain("Kiến nghị chưa được duyệt");
    expect(section.text).toContain(`1/${communes} đơn vị`);
    const [event] = await queryRows<{ action: string; data: { children: number; missing: number } }>(
      t.app.db,
      sql`select action, data from audit_log where entity_id = ${provinceReportId} order by id desc limit 1`,
    );
    expect(event).toMatchObject({ action: "report.compiled", data: { children: 1, missing: communes - 1 } });

    // The author edits the compiled text like any section; the annex stays as compiled.
    const edited = r.sections.map((s: { key: string; text: string }) =>
      s.key === "compiled" ? { ...s, text: `${s.text}\nĐã rà soát.` } : s,
    );
    const after = (
      await call(t.app, caMau, "PATCH", `/api/v1/reports/${provinceReportId}`, { sections: edited })
    ).json();
    expect(after.sections.find((s: { key: string }) => s.key === "compiled").text).toContain("Đã rà soát.");
    expect(after.compiled).toEqual(r.compiled);
  });

  it("prints the compiled section and annex in the DOCX and PDF", async () => {
    const docx = await get(caMau, `/reports/${provinceReportId}/export?format=docx`);
    expect(docx.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(docx.rawPayload);
    const xml = await zip.file("word/document.xml")!.async("string");
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    expect(text).toContain("PHẦN TỔNG HỢP TỪ BÁO CÁO CẤP DƯỚI");
    expect(text).toContain("PHỤ LỤC TỔNG HỢP SỐ LIỆU TỪ BÁO CÁO CẤP DƯỚI");
    expect(text).toContain("Tổng cộng");
    const pdf = await get(caMau, `/reports/${provinceReportId}/export?format=pdf`);
    const pdfText = (await readPdf(pdf.rawPayload)).pages.join("\n");
    expect(pdfText).toContain("PHỤ LỤC TỔNG HỢP SỐ LIỆU TỪ BÁO CÁO CẤP DƯỚI");
  });

  it("refuses callers outside the unit's scope (404), an approved report (409), a bad id (400) — changing nothing", async () => {
    const before = (await get(caMau, `/reports/${provinceReportId}`)).json();
    expect((await post(anxuyen, `/reports/${provinceReportId}/compile`)).statusCode).toBe(404);
    expect((await post(otherProvince, `/reports/${provinceReportId}/compile`)).statusCode).toBe(404);
    expect((await get(otherProvince, `/reports/${provinceReportId}/completeness`)).statusCode).toBe(404);
    expect((await get(anxuyen, `/reports/${provinceReportId}/completeness`)).statusCode).toBe(404);
    const bad = await post(caMau, "/reports/not-a-uuid/compile");
    expect(bad.statusCode).toBe(400);
    expect((await get(caMau, "/reports/not-a-uuid/completeness")).statusCode).toBe(400);
    expect((await get(caMau, `/reports/${provinceReportId}`)).json()).toEqual(before);
    // A report already approved is not recompiled.
    expect((await post(anxuyen, `/reports/${approvedId}/compile`)).statusCode).toBe(409);
  });

  it("a commune reads its own level below: residential areas, none reported", async () => {
    // An Xuyên's completeness: its residential areas (none reported).
    const c = (await get(anxuyen, `/reports/${laterDraftId}/completeness`)).json();
    expect(c.approved).toBe(0);
    expect(c.children.every((x: { state: string }) => x.state === "missing")).toBe(true);
  });
});
