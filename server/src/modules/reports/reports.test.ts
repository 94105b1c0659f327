import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import { lastAuditEvent, rootUnit, signedInAs, unitByCode } from "../../test/factories";
import { readPdf } from "../../test/pdf";
import { bodyAt } from "../activities/test-fixtures";

let t: TestContext;
/** The activities recorded in beforeAll (February, May, August). */
const firstActivityIds: string[] = [];
let caMau: Session;
let anxuyen: Session;
let baclieu: Session;
let caMauId: string;
let anxuyenId: string;
let baclieuId: string;
let police: string;

const year = new Date().getUTCFullYear() - 1;

const reportBody = () => ({
  orgUnitId: anxuyenId,
  template: "six_month",
  year,
  half: 1,
  issuingBody: "Ủy ban MTTQ Việt Nam phường An Xuyên",
  parentBody: "Ủy ban MTTQ Việt Nam tỉnh Cà Mau",
  symbol: "BC-MTTQ",
  place: "Cà Mau",
  issuedOn: `${year}-07-05`,
  recipients: ["Ban Thường trực Ủy ban MTTQ tỉnh", "Công an phường"],
  signerTitle: "TM. Ban Thường trực — Chủ tịch",
  signerName: "Nguyễn Văn An",
});

beforeAll(async () => {
  t = await createTestContext();
  const db = t.app.db;
  caMauId = (await unitByCode(db, "province", "96")).id;
  anxuyenId = (await unitByCode(db, "commune", "32002")).id;
  baclieuId = (await unitByCode(db, "commune", "31825")).id;
  caMau = await signedInAs(t.app, "province_front", caMauId);
  anxuyen = await signedInAs(t.app, "commune_front", anxuyenId);
  baclieu = await signedInAs(t.app, "commune_front", baclieuId);
  police = await bodyAt(db, anxuyenId, "police");
  void (await rootUnit(db));
  for (const [date, attendees] of [
    [`${year}-02-10`, 1157],
    [`${year}-05-20`, 300],
    [`${year}-08-01`, 99],
  ] as const) {
    const res = await call(t.app, anxuyen, "POST", "/api/v1/activities", {
      orgUnitId: anxuyenId,
      kind: "meeting",
      date,
      organizerBodyIds: [police],
      topics: [],
      attendees,
    });
    expect(res.statusCode, res.body).toBe(201);
    firstActivityIds.push(res.json<{ id: string }>().id);
  }
});
afterAll(() => t.close());

describe("createReport and exportReport", () => {
  it("is 401, 400 with the exact message, 404 out of scope", async () => {
    expect((await call(t.app, null, "POST", "/api/v1/reports", reportBody())).statusCode).toBe(401);
    const bad = await call(t.app, anxuyen, "POST", "/api/v1/reports", { ...reportBody(), half: undefined });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues).toEqual([
      { path: "half", message: "Chọn 6 tháng đầu năm (1) hoặc cuối năm (2)" },
    ]);
    expect((await call(t.app, baclieu, "POST", "/api/v1/reports", reportBody())).statusCode).toBe(404);
  });

  it("fills the half-year's figures into Vietnamese sentences, audited, and exports DOCX, PDF and XLSX", async () => {
    const res = await call(t.app, anxuyen, "POST", "/api/v1/reports", { ...reportBody(), number: "12" });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({
      periodFrom: `${year}-01-01`,
      periodTo: `${year}-06-30`,
      cutOff: `${year}-06-30`,
      number: "12",
      status: "draft",
    });
    expect(r.subject).toBe(
      `Sơ kết công tác phong trào “Toàn dân bảo vệ an ninh Tổ quốc” 6 tháng đầu năm ${year}`,
    );
    const text = r.sections.find((s: { key: string }) => s.key === "propaganda").text;
    expect(text).toContain("đã tổ chức 2 buổi");
    expect(text).toContain("với 1.457 lượt người");
    expect(r.figures.find((f: { code: string }) => f.code === "tips.received").value).toBe(0);
    expect((await lastAuditEvent(t.app.db))?.action).toBe("report.created");

    const edited = await call(t.app, anxuyen, "PATCH", `/api/v1/reports/${r.id}`, {
      sections: [
        ...r.sections.slice(0, 6),
        { key: "proposals", title: "V. ĐỀ XUẤT, KIẾN NGHỊ", text: "Đề nghị tăng cường lực lượng." },
      ],
    });
    expect(edited.statusCode, edited.body).toBe(200);

    const docx = await call(t.app, anxuyen, "GET", `/api/v1/reports/${r.id}/export?format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers["content-type"]).toContain("wordprocessingml");
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const { default: JSZip } = await import("jszip");
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file("word/document.xml")!.async("string");
    for (const s of [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Số: 12/BC-MTTQ",
      "Cà Mau, ngày 05 tháng 7 năm",
      "Nơi nhận:",
      "Nguyễn Văn An",
      "Đề nghị tăng cường lực lượng.",
      "1.457",
    ]) {
      expect(xml, s).toContain(s);
    }
    const pdf = await call(t.app, anxuyen, "GET", `/api/v1/reports/${r.id}/export?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    // The composed report as a reader extracts it: Tinos only, every character drawn, the Vietnamese exact.
    const read = await readPdf(pdf.rawPayload);
    expect(read.fonts.every((f) => f.startsWith("Tinos-"))).toBe(true);
    expect(read.missingGlyphs).toEqual([]);
    const pdfText = read.pages.join("\n").replace(/\s+/g, " ");
    for (const s of [
      "ỦY BAN MTTQ VIỆT NAM PHƯỜNG AN XUYÊN",
      "Cà Mau, ngày 05 tháng 7 năm",
      `Sơ kết công tác phong trào “Toàn dân bảo vệ an ninh Tổ quốc” 6 tháng đầu năm ${year}`,
      "Đề nghị tăng cường lực lượng.",
      "Nguyễn Văn An",
    ]) {
      expect(pdfText, s).toContain(s);
    }
    const xlsx = await call(t.app, anxuyen, "GET", `/api/v1/reports/${r.id}/export?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = wb.worksheets[0]!.getSheetValues();
    const attendees = rows.find(
      (row) => Array.isArray(row) && row[2] === "activities.attendees",
    ) as unknown[];
    expect(attendees[5]).toBe(1457);
    const bad = await call(t.app, anxuyen, "GET", `/api/v1/reports/${r.id}/export?format=odt`);
    expect(bad.statusCode).toBe(400);
  });
});

describe("periodic reporting: submit, return, approve (locks), unlock", () => {
  it("walks the workflow; an approved period refuses writes until the level above unlocks it", async () => {
    const r = (await call(t.app, anxuyen, "POST", "/api/v1/reports", reportBody())).json();
    // The commune cannot approve its own report; nothing is submitted yet.
    expect((await call(t.app, anxuyen, "POST", `/api/v1/reports/${r.id}/approve`)).statusCode).toBe(403);
    expect((await call(t.app, caMau, "POST", `/api/v1/reports/${r.id}/approve`)).statusCode).toBe(409);
    expect((await call(t.app, anxuyen, "POST", `/api/v1/reports/${r.id}/submit`)).json().status).toBe(
      "submitted",
    );
    const noComment = await call(t.app, caMau, "POST", `/api/v1/reports/${r.id}/return`, { comment: "" });
    expect(noComment.json().error.issues).toEqual([{ path: "comment", message: "Nhập ý kiến khi trả lại" }]);
    const returned = await call(t.app, caMau, "POST", `/api/v1/reports/${r.id}/return`, {
      comment: "Bổ sung số liệu tin báo",
    });
    expect(returned.json()).toMatchObject({
      status: "returned",
      comments: [{ text: "Bổ sung số liệu tin báo" }],
    });
    expect((await lastAuditEvent(t.app.db))?.action).toBe("report.returned");
    await call(t.app, anxuyen, "POST", `/api/v1/reports/${r.id}/submit`);
    const approved = await call(t.app, caMau, "POST", `/api/v1/reports/${r.id}/approve`);
    expect(approved.json().status).toBe("approved");
    expect(approved.json().lock).toMatchObject({ unlockedAt: null, unlockReason: null });
    expect(approved.json().can).toEqual({ edit: false, submit: false, review: false, unlock: true });

    const write = await call(t.app, anxuyen, "POST", "/api/v1/activities", {
      orgUnitId: anxuyenId,
      kind: "meeting",
      date: `${year}-03-03`,
      organizerBodyIds: [police],
      topics: [],
    });
    expect(write.statusCode).toBe(409);
    expect(write.json().error.message).toContain("đã được duyệt và khóa số liệu");
    // After the period: still open.
    const later = await call(t.app, anxuyen, "POST", "/api/v1/activities", {
      orgUnitId: anxuyenId,
      kind: "meeting",
      date: `${year}-07-03`,
      organizerBodyIds: [police],
      topics: [],
    });
    expect(later.statusCode).toBe(201);
    const moveIn = await call(t.app, anxuyen, "PATCH", `/api/v1/activities/${later.json().id}`, {
      date: `${year}-06-03`,
    });
    expect(moveIn.statusCode).toBe(409);
    // Records already in the locked period can be neither edited nor deleted.
    const feb = firstActivityIds[0]!;
    const edit = await call(t.app, anxuyen, "PATCH", `/api/v1/activities/${feb}`, { attendees: 1 });
    expect(edit.statusCode).toBe(409);
    const del = await call(t.app, anxuyen, "DELETE", `/api/v1/activities/${feb}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().error.message).toContain("đã được duyệt và khóa số liệu");
    const still = await call(t.app, anxuyen, "GET", `/api/v1/activities/${feb}`);
    expect(still.json().attendees).toBe(1157);

    const unlock = {
      orgUnitId: anxuyenId,
      periodFrom: `${year}-01-01`,
      periodTo: `${year}-06-30`,
      reason: "Bổ sung hoạt động bị sót",
    };
    expect((await call(t.app, anxuyen, "POST", "/api/v1/period-locks/unlock", unlock)).statusCode).toBe(403);
    const noReason = await call(t.app, caMau, "POST", "/api/v1/period-locks/unlock", {
      ...unlock,
      reason: "",
    });
    expect(noReason.json().error.issues).toEqual([{ path: "reason", message: "Nhập lý do mở khóa" }]);
    const ok = await call(t.app, caMau, "POST", "/api/v1/period-locks/unlock", unlock);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().unlocked[0].unlockReason).toBe("Bổ sung hoạt động bị sót");
    const afterUnlock = (await call(t.app, caMau, "GET", `/api/v1/reports/${r.id}`)).json();
    expect(afterUnlock.lock).toMatchObject({ unlockReason: "Bổ sung hoạt động bị sót" });
    expect(afterUnlock.can.unlock).toBe(false);
    const audit = await lastAuditEvent(t.app.db);
    expect(audit).toMatchObject({ action: "period.unlocked" });
    const again = await call(t.app, anxuyen, "PATCH", `/api/v1/activities/${later.json().id}`, {
      date: `${year}-06-03`,
    });
    expect(again.statusCode).toBe(200);
  });
});

describe("listReports", () => {
  const listYear = year - 1;
  const listBody = (orgUnitId: string, half: 1 | 2) => ({
    ...reportBody(),
    orgUnitId,
    year: listYear,
    half,
    issuedOn: `${listYear}-${half === 1 ? "07" : "12"}-05`,
  });
  const list = (s: Session | null, query = "") => call(t.app, s, "GET", `/api/v1/reports?${query}`);
  const ids = (res: { json: () => { items: { id: string }[] } }) => res.json().items.map((r) => r.id);

  it("is 401 without a session, 400 with the exact message for bad filters and a bad cursor", async () => {
    expect((await list(null)).statusCode).toBe(401);
    const bad = await list(caMau, "year=abc&status=done&awaiting=yes");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("validation_failed");
    expect(bad.json().error.issues).toEqual([
      { path: "querystring.year", message: "Năm không hợp lệ" },
      { path: "querystring.status", message: "Trạng thái là draft, submitted, returned hoặc approved" },
      { path: "querystring.awaiting", message: "awaiting là true hoặc false" },
    ]);
    expect((await list(caMau, "orgUnitId=not-a-uuid")).statusCode).toBe(400);
    const cursor = await list(caMau, "cursor=YWJj");
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().error.issues).toEqual([
      { path: "cursor", message: "Con trỏ phân trang không hợp lệ" },
    ]);
  });

  it("scopes by the caller's units; the province sees its communes' submitted reports as awaiting", async () => {
    const draft = (await call(t.app, anxuyen, "POST", "/api/v1/reports", listBody(anxuyenId, 1))).json();
    const sent = (await call(t.app, anxuyen, "POST", "/api/v1/reports", listBody(anxuyenId, 2))).json();
    expect((await call(t.app, anxuyen, "POST", `/api/v1/reports/${sent.id}/submit`)).statusCode).toBe(200);
    const other = (await call(t.app, baclieu, "POST", "/api/v1/reports", listBody(baclieuId, 1))).json();

    // A commune sees its own reports, never another commune's; naming that commune is 404.
    const own = await list(anxuyen, `year=${listYear}`);
    expect(own.statusCode, own.body).toBe(200);
    expect(ids(own)).toEqual([sent.id, draft.id]);
    expect(own.json().items[0]).toMatchObject({
      orgUnitId: anxuyenId,
      status: "submitted",
      template: "six_month",
      periodFrom: `${listYear}-07-01`,
      symbol: "BC-MTTQ",
    });
    expect(ids(await list(baclieu, `year=${listYear}`))).toEqual([other.id]);
    expect((await list(baclieu, `orgUnitId=${anxuyenId}`)).statusCode).toBe(404);
    // A commune has nobody below it to review.
    expect(ids(await list(anxuyen, "awaiting=true"))).toEqual([]);

    // The province reads the whole province, and only submitted reports of its communes wait for it.
    expect(ids(await list(caMau, `year=${listYear}`))).toEqual([other.id, sent.id, draft.id]);
    const awaiting = await list(caMau, `awaiting=true&year=${listYear}`);
    expect(ids(awaiting)).toEqual([sent.id]);
    expect((await call(t.app, caMau, "GET", `/api/v1/reports/${sent.id}`)).json().can).toEqual({
      edit: false,
      submit: false,
      review: true,
      unlock: false,
    });
    expect((await call(t.app, anxuyen, "GET", `/api/v1/reports/${sent.id}`)).json().can).toMatchObject({
      edit: false,
      review: false,
    });
    expect((await call(t.app, anxuyen, "GET", `/api/v1/reports/${draft.id}`)).json().can).toMatchObject({
      edit: true,
      submit: true,
    });
  });

  it("filters by unit, year and status, and pages with a cursor", async () => {
    expect(ids(await list(caMau, `orgUnitId=${baclieuId}&year=${listYear}`))).toHaveLength(1);
    const drafts = (await list(caMau, `year=${listYear}&status=draft`)).json().items;
    expect(drafts.map((r: { status: string }) => r.status)).toEqual(["draft", "draft"]);
    expect(ids(await list(caMau, `year=${listYear - 5}`))).toEqual([]);
    const all = ids(await list(caMau, `year=${listYear}`));
    const first = (await list(caMau, `year=${listYear}&limit=2`)).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await list(caMau, `year=${listYear}&limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((r: { id: string }) => r.id)).toEqual(all);
  });
});
