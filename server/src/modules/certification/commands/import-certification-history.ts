import {
  CERTIFICATION_HISTORY_CSV_COLUMNS,
  CERTIFICATION_HISTORY_LIMITS,
  CERTIFICATION_HISTORY_YEARS,
  foldVietnamese,
  matchCsvHeader,
  parseCsvDate,
  type ApiIssue,
  type CertificationHistoryCsvKey,
  type CertificationUnitType,
  type CsvHeaderMatch,
  type ImportCertificationHistoryBody,
} from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { parseCsvRecords, type CsvRecord } from "../../../kernel/csv";
import { AppError, validationFailed } from "../../../kernel/errors";
import { loadUnit } from "../../org-units";
import {
  decisionDateIssue,
  historyRow,
  takenMessage,
  takenYears,
  unitYearIssues,
  type HistoryInput,
  type HistoryUnit,
} from "../certification.history";
import { certificationHistory } from "../certification.table";

type Key = CertificationHistoryCsvKey;
type Line = {
  line: number;
  unitRef: string;
  unitType: CertificationUnitType | undefined;
  input: HistoryInput;
};

const MAX_ISSUES = 1_000;
const BATCH_ROWS = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const CERTIFIED = new Set([
  "dat",
  "da dat",
  "dat chuan",
  "duoc cong nhan",
  "co",
  "x",
  "yes",
  "true",
  "1",
  "certified",
]);
const NOT_CERTIFIED = new Set(["chua dat", "khong dat", "khong", "no", "false", "0", "not certified"]);

/** Folded type names (the seeds' words and the codes) → certification unit type. */
const TYPE_NAMES = new Map<string, CertificationUnitType>([
  ...[
    "residential area",
    "khu dan cu",
    "khom",
    "ap",
    "thon",
    "to dan pho",
    "khu pho",
    "ban",
    "buon",
    "lang",
    "phum",
    "soc",
  ].map((n) => [n, "residential_area"] as const),
  ...["commune", "xa", "phuong", "thi tran", "dac khu", "xa phuong thi tran"].map(
    (n) => [n, "commune"] as const,
  ),
  ...["agency", "co quan"].map((n) => [n, "agency"] as const),
  ...["enterprise", "doanh nghiep"].map((n) => [n, "enterprise"] as const),
  ...["school", "co so giao duc", "nha truong", "truong hoc"].map((n) => [n, "school"] as const),
]);
const fold = (v: string) =>
  foldVietnamese(v)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

function checkHeader(records: CsvRecord[]): CsvHeaderMatch<Key> {
  if (records.length === 0) {
    throw validationFailed([{ path: "csv", message: "Tệp CSV không có dòng dữ liệu" }]);
  }
  if (records.length > CERTIFICATION_HISTORY_LIMITS.importMaxRows) {
    throw validationFailed([
      { path: "csv", message: `Tối đa ${CERTIFICATION_HISTORY_LIMITS.importMaxRows} dòng mỗi lần nhập` },
    ]);
  }
  const header = matchCsvHeader(Object.keys(records[0]!.record), CERTIFICATION_HISTORY_CSV_COLUMNS);
  const problems = [
    header.unknown.length ? `cột không hợp lệ: ${header.unknown.join(", ")}` : null,
    header.repeated.length ? `cột bị lặp: ${header.repeated.join(", ")}` : null,
    header.missing.length ? `thiếu cột ${header.missing.join(", ")}` : null,
  ].filter((p): p is string => p !== null);
  if (problems.length) {
    throw validationFailed(problems.map((p) => ({ path: "line 1", message: `Dòng 1: ${p}` })));
  }
  return header;
}

/** One CSV line → its values, or issues ("Dòng N, cột X: …"). */
function parseLine(
  rec: Record<string, string>,
  header: CsvHeaderMatch<Key>,
  line: number,
  issues: ApiIssue[],
): Line | null {
  const before = issues.length;
  const column = (key: Key) => header.headers[key] ?? key;
  const value = (key: Key) => {
    const h = header.headers[key];
    return h === undefined ? "" : (rec[h] ?? "").trim();
  };
  const issue = (key: Key, message: string) =>
    issues.push({
      path: `line ${line}.${column(key)}`,
      message: `Dòng ${line}, cột ${column(key)}: ${message}`,
    });
  const unitRef = value("unit");
  if (!unitRef) issue("unit", "thiếu mã đơn vị");
  const year = Number(value("year"));
  const { from, to } = CERTIFICATION_HISTORY_YEARS;
  if (!Number.isInteger(year) || year < from || year > to) issue("year", `năm phải từ ${from} đến ${to}`);
  const result = fold(value("result"));
  const certified = CERTIFIED.has(result) ? true : NOT_CERTIFIED.has(result) ? false : null;
  if (certified === null) issue("result", `ghi "Đạt" hoặc "Chưa đạt", không phải "${value("result")}"`);
  const typeText = value("unitType");
  const unitType = typeText ? TYPE_NAMES.get(fold(typeText)) : undefined;
  if (typeText && !unitType) issue("unitType", `không rõ loại đơn vị "${typeText}"`);
  const dateText = value("decisionDate");
  const decisionDate = dateText ? (parseCsvDate(dateText) ?? undefined) : undefined;
  if (dateText && !decisionDate) issue("decisionDate", `ngày "${dateText}" không hợp lệ (ghi dd/mm/yyyy)`);
  const number = value("decisionNumber");
  const authority = value("decisionAuthority");
  if (number.length > 60) issue("decisionNumber", "tối đa 60 ký tự");
  if (authority.length > 200) issue("decisionAuthority", "tối đa 200 ký tự");
  if (issues.length > before) return null;
  return {
    line,
    unitRef,
    unitType,
    input: {
      year,
      certified: certified!,
      decisionNumber: number || undefined,
      decisionDate,
      decisionAuthority: authority || undefined,
    },
  };
}

/** Official units by code with their validity: the code of a line is read in its year. */
async function unitsByCode(db: Db, codes: string[]) {
  if (codes.length === 0) {
    return new Map<string, { id: string; validFrom: string | null; validTo: string | null }[]>();
  }
  const rows = await queryRows<{
    id: string;
    code: string;
    validFrom: string | null;
    validTo: string | null;
  }>(
    db,
    sql`select u.id, u.code, u.valid_from::text as "validFrom", u.valid_to::text as "validTo" from org_units u
        where u.code = any(${sql.param(codes)}::text[]) and u.is_official
          and u.kind in ('commune', 'residential_area', 'agency', 'enterprise', 'school')`,
  );
  const out = new Map<string, typeof rows>();
  for (const r of rows) out.set(r.code, [...(out.get(r.code) ?? []), r]);
  return out;
}

const inYear = (u: { validFrom: string | null; validTo: string | null }, year: number) =>
  (u.validFrom === null || u.validFrom <= `${year}-12-31`) &&
  (u.validTo === null || u.validTo >= `${year}-01-01`);

export type PreparedHistoryImport = { rows: { unit: HistoryUnit; input: HistoryInput }[] };

/**
 * Checks a whole CSV of past results before anything is written: one bad line imports nothing,
 * and the error names every bad line. Each unit is loaded in the caller's scope for
 * `certification.decide` (a pre-reform unit through the current unit it merged into).
 */
export async function prepareCertificationHistoryImport(
  db: Db,
  actor: Actor,
  body: ImportCertificationHistoryBody,
): Promise<PreparedHistoryImport> {
  const records = parseCsvRecords(body.csv);
  const header = checkHeader(records);
  const issues: ApiIssue[] = [];
  const lines = records
    .map(({ record, info }) => parseLine(record, header, info.lines, issues))
    .filter((l) => l !== null);
  const byCode = await unitsByCode(db, [
    ...new Set(lines.map((l) => l.unitRef).filter((r) => !UUID.test(r))),
  ]);
  const units = new Map<string, HistoryUnit | null>();
  const column = header.headers.unit ?? "unit";
  const resolved: { line: Line; unit: HistoryUnit }[] = [];
  const unitIssue = (line: number, message: string) =>
    issues.push({ path: `line ${line}.${column}`, message: `Dòng ${line}, cột ${column}: ${message}` });
  for (const l of lines) {
    let id = l.unitRef;
    if (!UUID.test(id)) {
      const matches = (byCode.get(id) ?? []).filter((u) => inYear(u, l.input.year));
      if (matches.length !== 1) {
        unitIssue(
          l.line,
          matches.length === 0
            ? `không có đơn vị mã ${id} trong năm ${l.input.year}`
            : `mã ${id} ứng với ${matches.length} đơn vị trong năm ${l.input.year}; ghi mã định danh (ID)`,
        );
        continue;
      }
      id = matches[0]!.id;
    }
    if (!units.has(id)) {
      units.set(
        id,
        await loadUnit(db, actor, id, { permission: "certification.decide" }).catch((e: unknown) => {
          if (e instanceof AppError && e.code === "not_found") return null;
          throw e;
        }),
      );
    }
    const unit = units.get(id);
    if (!unit) {
      unitIssue(l.line, `không có đơn vị ${l.unitRef} trong phạm vi được ghi kết quả của tài khoản`);
      continue;
    }
    const before = issues.length;
    for (const i of unitYearIssues(unit, l.input.year, l.unitType)) {
      const col = i.path === "orgUnitId" ? column : (header.headers[i.path] ?? column);
      issues.push({ path: `line ${l.line}.${col}`, message: `Dòng ${l.line}, cột ${col}: ${i.message}` });
    }
    const dateIssue = decisionDateIssue(l.input.year, l.input.decisionDate);
    if (dateIssue) {
      const col = header.headers.decisionDate ?? "decisionDate";
      issues.push({ path: `line ${l.line}.${col}`, message: `Dòng ${l.line}, cột ${col}: ${dateIssue}` });
    }
    if (issues.length === before) resolved.push({ line: l, unit });
  }
  const taken = await takenYears(
    db,
    resolved.map((r) => ({ orgUnitId: r.unit.id, year: r.line.input.year })),
  );
  const seen = new Map<string, number>();
  for (const { line, unit } of resolved) {
    const key = `${unit.id}|${line.input.year}`;
    const src = taken.get(key);
    if (src) unitIssue(line.line, takenMessage(src, line.input.year));
    else if (seen.has(key)) unitIssue(line.line, `trùng đơn vị và năm với dòng ${seen.get(key)}`);
    else seen.set(key, line.line);
  }
  if (issues.length) {
    const bad = new Set(issues.map((i) => i.path.split(".")[0])).size;
    throw validationFailed(
      issues.slice(0, MAX_ISSUES),
      `Tệp có ${bad} dòng lỗi; chưa nhập dòng nào. ${issues[0]!.message}`,
    );
  }
  return { rows: resolved.map((r) => ({ unit: r.unit, input: r.line.input })) };
}

/** Inserts a checked import in one transaction with one audit event. */
export async function insertCertificationHistoryImport(
  db: Db,
  actor: Actor,
  { rows }: PreparedHistoryImport,
): Promise<number> {
  const values = rows.map((r) => historyRow(r.unit, r.input, actor.accountId));
  await db.transaction(async (tx) => {
    for (let i = 0; i < values.length; i += BATCH_ROWS) {
      await tx.insert(certificationHistory).values(values.slice(i, i + BATCH_ROWS));
    }
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "certification.history_imported",
      entityType: "certification_history",
      entityId: null,
      orgUnitId: null,
      data: {
        created: values.length,
        certified: values.filter((v) => v.certified).length,
        years: [...new Set(values.map((v) => v.year))].sort(),
      },
    });
  });
  return values.length;
}
