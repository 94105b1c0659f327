import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import { signedInAs, unitByCode } from "../../test/factories";
import { bodyAt } from "./test-fixtures";

let t: TestContext;
let baclieu: Session;
let anxuyen: Session;
let wardId: string;
let anxuyenId: string;

beforeAll(async () => {
  t = await createTestContext();
  wardId = (await unitByCode(t.app.db, "commune", "31825")).id;
  anxuyenId = (await unitByCode(t.app.db, "commune", "32002")).id;
  baclieu = await signedInAs(t.app, "commune_front", wardId);
  anxuyen = await signedInAs(t.app, "commune_front", anxuyenId);
  const front = await bodyAt(t.app.db, wardId, "front");
  const police = await bodyAt(t.app.db, wardId, "police");
  for (const [date, attendees, organizers] of [
    ["2025-08-19", 120, [front, police]],
    ["2025-09-02", 45, [front]],
  ] as const) {
    const res = await call(t.app, baclieu, "POST", "/api/v1/activities", {
      orgUnitId: wardId,
      kind: "festival_day",
      date,
      organizerBodyIds: organizers,
      topics: ["drugs", "scams"],
      title: "Ngày hội toàn dân bảo vệ an ninh Tổ quốc",
      attendees,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(() => t.close());

describe("exportActivities", () => {
  it("is 401 without a session", async () => {
    expect((await call(t.app, null, "GET", "/api/v1/activities/export/csv")).statusCode).toBe(401);
  });

  it("is 400 for an unknown format", async () => {
    const res = await call(t.app, baclieu, "GET", "/api/v1/activities/export/pdf");
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toEqual([
      { path: "params.format", message: "Định dạng phải là csv hoặc xlsx" },
    ]);
  });

  it("is 404 for a unit outside the caller's scope, and exports nothing of others", async () => {
    expect(
      (await call(t.app, anxuyen, "GET", `/api/v1/activities/export/csv?orgUnitId=${wardId}`)).statusCode,
    ).toBe(404);
    const theirs = await call(t.app, anxuyen, "GET", "/api/v1/activities/export/csv");
    expect(theirs.body.split("\r\n").filter(Boolean)).toHaveLength(1); // the header only
  });

  it("exports the filtered list as CSV with Vietnamese headers and dd/mm/yyyy dates", async () => {
    const res = await call(
      t.app,
      baclieu,
      "GET",
      `/api/v1/activities/export/csv?orgUnitId=${wardId}&from=2025-08-01&to=2025-08-31`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="hoat-dong.csv"');
    const lines = res.body
      .replace(/^\uFEFF/, "")
      .split("\r\n")
      .filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain("Ngày,Đơn vị,Loại hoạt động");
    expect(lines[1]).toMatch(
      /^19\/08\/2025,Phường Bạc Liêu,Ngày hội Toàn dân bảo vệ an ninh Tổ quốc \(19\/8\),/,
    );
    expect(lines[1]).toContain("Ma túy; Lừa đảo");
  });

  it("exports XLSX that Excel reads back", async () => {
    const res = await call(t.app, baclieu, "GET", `/api/v1/activities/export/xlsx?orgUnitId=${wardId}`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(3);
    const attendees = [sheet.getCell("G2").value, sheet.getCell("G3").value]
      .map(Number)
      .sort((a, b) => a - b);
    expect(attendees).toEqual([45, 120]);
  });
});
