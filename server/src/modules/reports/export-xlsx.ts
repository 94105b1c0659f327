import { formatVnDate } from "@toandan/contracts";
import ExcelJS from "exceljs";
import type { Report } from "@toandan/contracts";
import { UNDER_THRESHOLD } from "./prose";

/** The report's statistical table as a workbook (numbers stay numbers; rates as percentages). */
export async function reportXlsx(r: Report): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Toàn Dân";
  const ws = wb.addWorksheet("Số liệu");
  ws.addRow([r.issuingBody.toUpperCase()]).font = { bold: true };
  ws.addRow([r.subject]).font = { bold: true };
  ws.addRow([`${r.orgUnitName}, từ ${formatVnDate(r.periodFrom)} đến ${formatVnDate(r.periodTo)}`]);
  ws.addRow([`Số liệu tính đến ngày ${formatVnDate(r.cutOff)}`]);
  ws.addRow([]);
  const head = ws.addRow(["TT", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Kết quả"]);
  head.font = { bold: true };
  const units: Record<string, string> = { count: "Số lượng", rate: "Tỷ lệ", hours: "Giờ" };
  r.figures.forEach((f, i) => {
    const row = ws.addRow([
      i + 1,
      f.code,
      f.label,
      units[f.unit] ?? f.unit,
      f.value ?? (f.suppressed ? UNDER_THRESHOLD : "Chưa có số liệu"),
    ]);
    if (f.unit === "rate" && f.value !== null) row.getCell(5).numFmt = "0.00%";
    else if (f.value !== null) row.getCell(5).numFmt = "#,##0.##";
  });
  ws.columns = [{ width: 5 }, { width: 34 }, { width: 60 }, { width: 12 }, { width: 16 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
