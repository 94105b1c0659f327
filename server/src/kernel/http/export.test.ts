import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { isoDateCell, toCsv, toXlsx, type ExportColumn } from "./export";

type Row = { name: string; date: string; n: number };
const columns: ExportColumn<Row>[] = [
  { header: "Tên", value: (r) => r.name },
  { header: "Ngày", value: (r) => isoDateCell(r.date) },
  { header: "Số lượt", value: (r) => r.n },
];
const rows: Row[] = [
  { name: "Khóm 1, Phường Bạc Liêu", date: "2025-08-19", n: 1157 },
  { name: 'Ấp "Tân Lập"', date: "2024-01-02", n: 0 },
];

describe("exports", () => {
  it("writes CSV with a BOM, quoted cells and dd/mm/yyyy dates", () => {
    expect(toCsv(columns, rows)).toBe(
      '\uFEFFTên,Ngày,Số lượt\r\n"Khóm 1, Phường Bạc Liêu",19/08/2025,1157\r\n"Ấp ""Tân Lập""",02/01/2024,0\r\n',
    );
  });

  it("writes an XLSX workbook that reads back with the same cells", async () => {
    const buf = await toXlsx("Hoạt động", columns, rows);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buf as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe("Hoạt động");
    expect(sheet.getRow(1).values).toEqual([undefined, "Tên", "Ngày", "Số lượt"]);
    expect(sheet.getCell("A2").value).toBe("Khóm 1, Phường Bạc Liêu");
    expect((sheet.getCell("B2").value as Date).toISOString().slice(0, 10)).toBe("2025-08-19");
    expect(sheet.getCell("B2").numFmt).toBe("dd/mm/yyyy");
    expect(sheet.getCell("C2").value).toBe(1157);
  });
});
