import ExcelJS from "exceljs";
import type { FastifyReply } from "fastify";
import { z } from "zod";

/** Lists export as CSV (UTF-8 with BOM, so Excel shows Vietnamese) or XLSX. */
export const ExportFormatSchema = z.enum(["csv", "xlsx"], { error: "Định dạng phải là csv hoặc xlsx" });
export type ExportFormat = z.infer<typeof ExportFormatSchema>;
export const ExportParamsSchema = z.object({ format: ExportFormatSchema });

/** Most rows one export returns; a bigger list must be narrowed with filters. */
export const EXPORT_MAX_ROWS = 100_000;

export type ExportCell = string | number | Date | null;
export type ExportColumn<T> = { header: string; width?: number; value: (row: T) => ExportCell };

const ddmmyyyy = (d: Date) =>
  `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;

/** An ISO date ("2025-08-19") as a Date at UTC midnight, for date cells. */
export const isoDateCell = (iso: string | null): Date | null =>
  iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null;

function csvCell(v: ExportCell): string {
  if (v === null) return "";
  const s = v instanceof Date ? ddmmyyyy(v) : String(v);
  return /[",\n\r;]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv<T>(columns: ExportColumn<T>[], rows: T[]): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(",")];
  for (const r of rows) lines.push(columns.map((c) => csvCell(c.value(r))).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export async function toXlsx<T>(sheetName: string, columns: ExportColumn<T>[], rows: T[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "Toàn Dân";
  const sheet = book.addWorksheet(sheetName.slice(0, 31));
  sheet.columns = columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width ?? 18 }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  for (const r of rows) sheet.addRow(columns.map((c) => c.value(r)));
  columns.forEach((c, i) => {
    if (rows.some((r) => c.value(r) instanceof Date)) sheet.getColumn(i + 1).numFmt = "dd/mm/yyyy";
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Sends rows as a file download named `<base>.<format>`. */
export async function sendExport<T>(
  reply: FastifyReply,
  format: ExportFormat,
  base: string,
  columns: ExportColumn<T>[],
  rows: T[],
): Promise<FastifyReply> {
  void reply.header("content-disposition", `attachment; filename="${base}.${format}"`);
  if (format === "csv") return reply.type("text/csv; charset=utf-8").send(toCsv(columns, rows));
  return reply
    .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    .send(await toXlsx(base, columns, rows));
}
