import { parse } from "csv-parse/sync";
import { validationFailed } from "./errors";

/** One data line of an uploaded CSV: its cells by header, and the file line it came from. */
export type CsvRecord = { record: Record<string, string>; info: { lines: number } };

/**
 * Reads an uploaded CSV (a leading BOM from Excel ignored, cells trimmed, blank lines skipped);
 * a file that cannot be read is a 400 naming the line where reading stopped.
 */
export function parseCsvRecords(csv: string): CsvRecord[] {
  try {
    return parse<CsvRecord>(csv.replace(/^\uFEFF/, ""), {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    });
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw validationFailed([
      {
        path: line ? `line ${line}` : "csv",
        message: `Tệp CSV không đọc được${line ? ` ở dòng ${line}` : ""}`,
      },
    ]);
  }
}
