import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "../../test/harness";
import { buildWorld, makeGroup, newArea, type World } from "./test-support";

let w: World;

beforeAll(async () => {
  w = await buildWorld();
  await makeGroup(w, await newArea(w), { name: "Tổ tự quản Khóm 3", foundedOn: "2019-05-01" });
  await makeGroup(w, await newArea(w, w.anxuyenId), { name: "Tổ tự quản An Xuyên" }, w.anxuyen);
});
afterAll(() => w.t.close());

describe("exportGroups", () => {
  it("is 401 without a session", async () => {
    expect((await call(w.t.app, null, "GET", "/api/v1/groups/export/xlsx")).statusCode).toBe(401);
  });

  it("exports the caller's teams and models as XLSX with real dates", async () => {
    const res = await call(w.t.app, w.baclieu, "GET", "/api/v1/groups/export/xlsx");
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getCell("A2").value).toBe("Tổ tự quản Khóm 3");
    expect((sheet.getCell("E2").value as Date).toISOString().slice(0, 10)).toBe("2019-05-01");
    expect(sheet.getCell("F2").value).toBe("Đang hoạt động");
  });

  it("is 404 for a unit outside the caller's scope", async () => {
    const res = await call(w.t.app, w.baclieu, "GET", `/api/v1/groups/export/csv?orgUnitId=${w.anxuyenId}`);
    expect(res.statusCode).toBe(404);
  });
});
