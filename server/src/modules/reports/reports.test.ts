import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import { lastAuditEvent, rootUnit, signedInAs, unitByCode } from "../../test/factories";
import { bodyAt } from "../activities/test-fixtures";

let t: TestContext;
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
  number: "12",
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
    const res = await call(t.app, anxuyen, "POST", "/api/v1/reports", reportBody());
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({ periodFrom: `${year}-01-01`, periodTo: `${year}-06-30`, status: "draft" });
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

    const t0 = performance.now();
    const docx = await call(t.app, anxuyen, "GET", `/api/v1/reports/${r.id}/export?format=docx`);
    const docxMs = performance.now() - t0;
    expect(docx.statusCode).toBe(200);
    expect(docx.headers["content-type"]).toContain("wordprocessingml");
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    expect(docxMs).toBeLessThan(2000);
    const { default: JSZip } = await import("jszip");
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file("word/document.xml")!.async("string");
    for (const s of [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Số: 12/BC-MTTQ",
      "Cà Mau, ngày 05 tháng 07 năm",
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
    expect(pdf.rawPayload.toString("latin1")).toContain("Roboto");
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
    const audit = await lastAuditEvent(t.app.db);
    expect(audit).toMatchObject({ action: "period.unlocked" });
    const again = await call(t.app, anxuyen, "PATCH", `/api/v1/activities/${later.json().id}`, {
      date: `${year}-06-03`,
    });
    expect(again.statusCode).toBe(200);
  });
});
