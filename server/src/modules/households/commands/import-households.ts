import {
  HOUSEHOLD_CSV_COLUMNS,
  HOUSEHOLD_LIMITS,
  HouseholdFieldsSchema,
  MEMBER_ORG_KINDS,
  foldVietnamese,
  matchCsvHeader,
  parseCsvDate,
  parseYesNo,
  todayInVietnam,
  type ApiIssue,
  type CsvHeaderMatch,
  type HouseholdCsvKey,
  type HouseholdFields,
  type ImportHouseholdsBody,
  type MemberOrgKind,
} from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { parseCsvRecords, type CsvRecord } from "../../../kernel/csv";
import { validationFailed } from "../../../kernel/errors";
import { loadArea, type AreaRow } from "../households.queries";
import { householdRow } from "./create-household";

/** Rows per multi-row INSERT (measured: 100,000 rows insert in ~5 s on PostgreSQL 15, ~7.5 s on PGlite). */
const BATCH_ROWS = 2_000;
/** Issues listed in one answer; the message still counts every bad line. */
const MAX_ISSUES = 1_000;

/** Folded names (Vietnamese or code) → member organisation. "Hội"/"Đoàn" prefixes are optional. */
const ORG_NAMES = new Map<string, MemberOrgKind>([
  ...MEMBER_ORG_KINDS.map((k) => [k, k] as const),
  ["nong dan", "farmers"],
  ["phu nu", "women"],
  ["cuu chien binh", "veterans"],
  ["thanh nien", "youth"],
  ["cong doan", "labour"],
  ["lao dong", "labour"],
  ["nguoi cao tuoi", "elderly"],
]);

export function memberOrgOf(name: string): MemberOrgKind | undefined {
  const folded = foldVietnamese(name);
  return ORG_NAMES.get(folded) ?? ORG_NAMES.get(folded.replace(/^(hoi|doan) /, ""));
}

/** One imported household: its fields and, for a household that has already left, the date. */
type ImportRow = HouseholdFields & { movedOutOn: string | null };
export type PreparedImport = { area: AreaRow; rows: ImportRow[] };
type Header = CsvHeaderMatch<HouseholdCsvKey>;

/** The file's header row matched to the columns (Vietnamese or English names, any accents or case). */
function checkHeader(records: CsvRecord[]): Header {
  if (records.length === 0) {
    throw validationFailed([{ path: "csv", message: "Tệp CSV không có dòng dữ liệu" }]);
  }
  if (records.length > HOUSEHOLD_LIMITS.importMaxRows) {
    throw validationFailed([
      { path: "csv", message: `Tối đa ${HOUSEHOLD_LIMITS.importMaxRows} dòng mỗi lần nhập` },
    ]);
  }
  const header = matchCsvHeader(Object.keys(records[0]!.record), HOUSEHOLD_CSV_COLUMNS);
  if (header.unknown.length) {
    throw validationFailed([
      { path: "line 1", message: `Dòng 1: cột không hợp lệ: ${header.unknown.join(", ")}` },
    ]);
  }
  if (header.repeated.length) {
    throw validationFailed([
      { path: "line 1", message: `Dòng 1: cột bị lặp: ${header.repeated.join(", ")}` },
    ]);
  }
  if (header.missing.length) {
    throw validationFailed([{ path: "line 1", message: `Dòng 1: thiếu cột ${header.missing.join(", ")}` }]);
  }
  return header;
}

/** One CSV line → fields, or its issues (path "line N.column", message "Dòng N, cột column: …"). */
function parseLine(
  rec: Record<string, string>,
  header: Header,
  line: number,
  issues: ApiIssue[],
): ImportRow | null {
  const before = issues.length;
  const column = (key: HouseholdCsvKey) => header.headers[key] ?? key;
  const value = (key: HouseholdCsvKey) => {
    const h = header.headers[key];
    return h === undefined ? undefined : (rec[h] ?? "");
  };
  const issue = (key: HouseholdCsvKey, message: string) =>
    issues.push({
      path: `line ${line}.${column(key)}`,
      message: `Dòng ${line}, cột ${column(key)}: ${message}`,
    });
  const names = (value("memberOrgs") ?? "")
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter(Boolean);
  const listed = names.map((n) => memberOrgOf(n));
  const unknownOrgs = names.filter((_, i) => !listed[i]);
  if (unknownOrgs.length) issue("memberOrgs", `không rõ tổ chức thành viên "${unknownOrgs.join('", "')}"`);
  const memberOrgs = new Set(listed.filter((k) => k !== undefined));
  for (const kind of MEMBER_ORG_KINDS) {
    const raw = value(`org:${kind}`);
    if (raw === undefined) continue;
    const yes = parseYesNo(raw);
    if (yes === null) issue(`org:${kind}`, `ghi "Có" hoặc "Không", không phải "${raw}"`);
    else if (yes) memberOrgs.add(kind);
  }
  let movedOutOn: string | null = null;
  const moved = value("movedOutOn");
  if (moved) {
    movedOutOn = parseCsvDate(moved);
    if (movedOutOn === null) issue("movedOutOn", `ngày "${moved}" không hợp lệ (ghi dd/mm/yyyy)`);
    else if (movedOutOn > todayInVietnam()) issue("movedOutOn", "ngày không được ở tương lai");
  }
  const members = value("members");
  const code = value("code");
  const parsed = HouseholdFieldsSchema.safeParse({
    headName: value("headName"),
    address: value("address"),
    members: members === "" ? undefined : members,
    memberOrgs: [...memberOrgs],
    code: code ? code : undefined,
  });
  if (!parsed.success) {
    for (const i of parsed.error.issues) issue(String(i.path[0] ?? "") as HouseholdCsvKey, i.message);
    return null;
  }
  return issues.length > before ? null : { ...parsed.data, movedOutOn };
}

async function existingCodes(db: Db, areaId: string): Promise<Set<string>> {
  const rows = await queryRows<{ code: string }>(
    db,
    sql`select code from households where org_unit_id = ${areaId} and code is not null`,
  );
  return new Set(rows.map((r) => r.code));
}

/**
 * Checks a whole household CSV for one residential area before anything is written: one bad
 * line imports nothing, and the error names every bad line.
 */
export async function prepareHouseholdImport(
  db: Db,
  actor: Actor,
  body: ImportHouseholdsBody,
): Promise<PreparedImport> {
  const area = await loadArea(db, actor, body.orgUnitId);
  const records = parseCsvRecords(body.csv);
  const header = checkHeader(records);
  const codeColumn = header.headers.code ?? "code";
  const taken = await existingCodes(db, area.id);
  const seen = new Map<string, number>();
  const issues: ApiIssue[] = [];
  const rows: ImportRow[] = [];
  for (const { record, info } of records) {
    const line = info.lines;
    const fields = parseLine(record, header, line, issues);
    if (!fields) continue;
    const code = fields.code;
    if (code && taken.has(code)) {
      issues.push({
        path: `line ${line}.${codeColumn}`,
        message: `Dòng ${line}, cột ${codeColumn}: số hộ ${code} đã có trong khu dân cư`,
      });
    } else if (code && seen.has(code)) {
      issues.push({
        path: `line ${line}.${codeColumn}`,
        message: `Dòng ${line}, cột ${codeColumn}: trùng số hộ với dòng ${seen.get(code)}`,
      });
    } else {
      if (code) seen.set(code, line);
      rows.push(fields);
    }
  }
  if (issues.length) {
    const bad = new Set(issues.map((i) => i.path.split(".")[0])).size;
    throw validationFailed(
      issues.slice(0, MAX_ISSUES),
      `Tệp có ${bad} dòng lỗi; chưa nhập dòng nào. ${issues[0]!.message}`,
    );
  }
  return { area, rows };
}

/**
 * One multi-row INSERT of a batch: each column is one array parameter unnested in SQL, which
 * PostgreSQL parses and plans far faster than thousands of scalar parameters.
 */
async function insertBatch(tx: Db, area: AreaRow, batch: ImportRow[], actorId: string): Promise<void> {
  const rows = batch.map((f) => ({ ...householdRow(area, f, actorId), movedOutOn: f.movedOutOn }));
  const col = <T>(pick: (r: (typeof rows)[number]) => T) => sql.param(rows.map(pick));
  await tx.execute(sql`insert into households
      (id, org_unit_id, province_id, rollup_path, head_name, address, members, member_orgs, code,
       search_text, moved_out_on, created_by)
    select t.id, ${area.id}, ${area.provinceId}, ${area.rollupPath}, t.head_name, t.address, t.members,
      string_to_array(t.member_orgs, ','), t.code, t.search_text, t.moved_out_on, ${actorId}
    from unnest(${col((r) => r.id)}::uuid[], ${col((r) => r.headName)}::text[], ${col((r) => r.address)}::text[],
      ${col((r) => r.members)}::int[], ${col((r) => r.memberOrgs.join(","))}::text[], ${col((r) => r.code)}::text[],
      ${col((r) => r.searchText)}::text[], ${col((r) => r.movedOutOn)}::date[])
      as t(id, head_name, address, members, member_orgs, code, search_text, moved_out_on)`);
}

/**
 * Inserts a checked import in ONE transaction, in multi-row batches, with one audit event;
 * `inTransaction` runs last inside it (the background job marks itself done there).
 */
export async function insertHouseholdImport(
  db: Db,
  actor: Pick<Actor, "accountId">,
  { area, rows }: PreparedImport,
  onProgress: (processed: number) => void = () => {},
  inTransaction: (tx: Db) => Promise<void> = async () => {},
): Promise<number> {
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += BATCH_ROWS) {
      await insertBatch(tx, area, rows.slice(i, i + BATCH_ROWS), actor.accountId);
      onProgress(Math.min(i + BATCH_ROWS, rows.length));
      // Give the event loop a turn between batches: the embedded engine runs on this thread, and
      // replies (the 202 of this very import) must not wait for the whole insert.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "household.imported",
      entityType: "household",
      entityId: null,
      orgUnitId: area.id,
      data: { created: rows.length },
    });
    await inTransaction(tx);
  });
  // No autovacuum on PGlite: refresh planner statistics after a large load.
  if (rows.length >= 10_000) await db.execute(sql`analyze households`);
  return rows.length;
}
