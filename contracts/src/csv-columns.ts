// Reading a spreadsheet saved as CSV by an official: headers in Vietnamese or English, matched
// whatever the case, accents, spaces or underscores ("Số nhân khẩu", "so nhan khau", "members");
// yes/no values as "Có"/"Không" (or x, yes/no, true/false, 1/0); dates as dd/mm/yyyy (or ISO).
import { foldVietnamese } from "./text";
import { isIsoDate, parseVnDate } from "./vn-input";

/** One column a CSV import reads: its key in the code and every header name it accepts. */
export type CsvColumn<K extends string = string> = {
  key: K;
  /** Header names, the first one is written in the sample file and named in messages. */
  names: readonly string[];
  required?: boolean;
};

/** A header folded for matching: "Số nhân khẩu" → "so nhan khau", "head_name" → "head name". */
export function foldHeader(header: string): string {
  return foldVietnamese(header)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export type CsvHeaderMatch<K extends string> = {
  /** Key → the header as written in the file (for messages). */
  headers: Partial<Record<K, string>>;
  /** Header as written → key. */
  keys: Map<string, K>;
  unknown: string[];
  /** The first name of each required column that is missing. */
  missing: string[];
  /** Headers naming a column already named by an earlier header. */
  repeated: string[];
};

/** Matches a file's header row to the columns. */
export function matchCsvHeader<K extends string>(
  header: readonly string[],
  columns: readonly CsvColumn<K>[],
): CsvHeaderMatch<K> {
  const byName = new Map<string, K>();
  for (const c of columns) for (const n of c.names) byName.set(foldHeader(n), c.key);
  const headers: Partial<Record<K, string>> = {};
  const keys = new Map<string, K>();
  const unknown: string[] = [];
  const repeated: string[] = [];
  for (const h of header) {
    const key = byName.get(foldHeader(h));
    if (key === undefined) unknown.push(h);
    else if (headers[key] !== undefined) repeated.push(h);
    else {
      headers[key] = h;
      keys.set(h, key);
    }
  }
  const missing = columns.filter((c) => c.required && headers[c.key] === undefined).map((c) => c.names[0]!);
  return { headers, keys, unknown, missing, repeated };
}

const YES = new Set(["co", "x", "yes", "y", "true", "1", "dung", "da ky", "roi"]);
const NO = new Set(["", "khong", "no", "n", "false", "0", "chua", "sai"]);

/** "Có" → true, "Không" or empty → false; anything else → null (the caller names the line). */
export function parseYesNo(value: string | undefined): boolean | null {
  const v = foldVietnamese(value ?? "");
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return null;
}

/**
 * A calendar date as officials write it: dd/mm/yyyy (also d/m/yyyy, with "-" or "."), or ISO
 * yyyy-mm-dd. Answers the ISO date, or null when it is not a real date (vn-input.ts).
 */
export function parseCsvDate(value: string): string | null {
  const v = value.trim();
  return parseVnDate(v, "/.-") ?? (isIsoDate(v) ? v : null);
}
