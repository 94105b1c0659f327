import {
  CreateOrgUnitBodySchema,
  LIMITS,
  ORG_UNIT_CSV_COLUMNS,
  ORG_UNIT_KIND_NAMES,
  foldVietnamese,
  matchCsvHeader,
  type ApiIssue,
  type ImportOrgUnitsBody,
  todayInVietnam,
} from "@toandan/contracts";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import { pathInScope, type Actor } from "../../../kernel/authz";
import { validationFailed } from "../../../kernel/errors";
import { validOn, type OrgUnitDbRow } from "../org-units.queries";
import { loadUnit } from "../places";
import { assertCommuneParent, insertLocalUnits, type LocalUnitInput } from "./create-org-unit";

const RowSchema = CreateOrgUnitBodySchema.omit({ parentId: true });
type Column = (typeof ORG_UNIT_CSV_COLUMNS)[number]["key"];

function parseCsv(csv: string): Record<string, string>[] {
  try {
    return parse(csv.replace(/^\uFEFF/, ""), { columns: true, skip_empty_lines: true, trim: true });
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

async function communesByCode(db: Db, actor: Actor, codes: string[]) {
  if (codes.length === 0) return new Map<string, OrgUnitDbRow>();
  const rows = await queryRows<OrgUnitDbRow>(
    db,
    sql`select u.id, u.code, u.kind, u.type, u.name, u.full_name as "fullName", u.parent_id as "parentId",
          u.province_id as "provinceId", u.path, u.depth, u.valid_from::text as "validFrom",
          u.valid_to::text as "validTo", u.is_official as "isOfficial", 0 as "childCount", null as "ancestorNames"
        from org_units u
        where u.kind = 'commune' and u.is_official and ${validOn("u", todayInVietnam())}
          and u.code in (${sql.join(
            codes.map((c) => sql`${c}`),
            sql`, `,
          )})
          and ${pathInScope(actor, "org_unit.create", sql`u.path`)}`,
  );
  return new Map(rows.map((r) => [r.code!, r]));
}

/** One query for all parents: does a row clash with a unit already recorded? */
async function checkExisting(
  db: Db,
  items: { parent: OrgUnitDbRow; input: LocalUnitInput; line: number }[],
  issues: ApiIssue[],
): Promise<void> {
  const parentIds = [...new Set(items.map((i) => i.parent.id))];
  const existing = await queryRows<{
    parentId: string;
    kind: string;
    searchName: string;
    code: string | null;
  }>(
    db,
    sql`select parent_id as "parentId", kind, search_name as "searchName", code from org_units
        where not is_official and parent_id in (${sql.join(
          parentIds.map((p) => sql`${p}`),
          sql`, `,
        )})`,
  );
  const names = new Set(existing.map((e) => `${e.parentId}|${e.kind}|${e.searchName}`));
  const codes = new Set(existing.filter((e) => e.code).map((e) => `${e.parentId}|${e.code}`));
  for (const { parent, input, line } of items) {
    if (names.has(`${parent.id}|${input.kind}|${foldVietnamese(input.name)}`)) {
      issues.push({
        path: `line ${line}.name`,
        message: `Dòng ${line}: đã có đơn vị cùng loại và cùng tên trong xã`,
      });
    } else if (input.code && codes.has(`${parent.id}|${input.code}`)) {
      issues.push({
        path: `line ${line}.code`,
        message: `Dòng ${line}: mã ${input.code} đã được dùng trong xã`,
      });
    }
  }
}

/**
 * Imports local units from CSV (columns kind,name,code,type,commune_code). The file is checked
 * whole first; one bad line imports nothing and the error names every bad line.
 */
export async function importOrgUnits(db: Db, actor: Actor, body: ImportOrgUnitsBody): Promise<number> {
  const fixedParent: OrgUnitDbRow | null = body.parentId
    ? await loadUnit(db, actor, body.parentId, { permission: "org_unit.create" })
    : null;
  if (fixedParent) assertCommuneParent(fixedParent);
  const records = parseCsv(body.csv);
  const issues: ApiIssue[] = [];
  if (records.length === 0) {
    throw validationFailed([{ path: "csv", message: "Tệp CSV không có dòng dữ liệu" }]);
  }
  if (records.length > LIMITS.csvMaxRows) {
    throw validationFailed([{ path: "csv", message: `Tối đa ${LIMITS.csvMaxRows} dòng mỗi lần nhập` }]);
  }
  // Headers in Vietnamese or English, any accents or case ("Loại đơn vị", "loai", "kind").
  const header = matchCsvHeader(Object.keys(records[0]!), ORG_UNIT_CSV_COLUMNS);
  const headerIssue = header.unknown.length
    ? `cột không hợp lệ: ${header.unknown.join(", ")}`
    : header.repeated.length
      ? `cột bị lặp: ${header.repeated.join(", ")}`
      : header.missing.length
        ? `thiếu cột ${header.missing.join(", ")}`
        : null;
  if (headerIssue) throw validationFailed([{ path: "line 1", message: `Dòng 1: ${headerIssue}` }]);
  const column = (key: string) => header.headers[key as Column] ?? key;
  for (const [i, rec] of records.entries()) {
    const keyed: Record<string, string> = {};
    for (const [h, v] of Object.entries(rec)) keyed[header.keys.get(h)!] = v;
    // A kind written in words ("Khu dân cư") reads as its code.
    if (keyed.kind) keyed.kind = ORG_UNIT_KIND_NAMES[foldVietnamese(keyed.kind)] ?? keyed.kind;
    records[i] = keyed;
  }
  const communes = await communesByCode(db, actor, [
    ...new Set(records.map((r) => r.commune_code).filter((c): c is string => !!c)),
  ]);
  const items: { parent: OrgUnitDbRow; input: LocalUnitInput; line: number }[] = [];
  const seen = new Set<string>();
  records.forEach((rec, i) => {
    const line = i + 2; // line 1 is the header
    const clean = Object.fromEntries(
      Object.entries(rec).filter(([k, v]) => v !== "" && k !== "commune_code"),
    );
    const parsed = RowSchema.safeParse(clean);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = column(issue.path.join("."));
        issues.push({
          path: `line ${line}.${field}`,
          message: `Dòng ${line}, cột ${field}: ${issue.message}`,
        });
      }
      return;
    }
    let parent = fixedParent;
    if (rec.commune_code && (!fixedParent || rec.commune_code !== fixedParent.code)) {
      parent = fixedParent ? null : (communes.get(rec.commune_code) ?? null);
      if (!parent) {
        issues.push({
          path: `line ${line}.commune_code`,
          message: `Dòng ${line}: không tìm thấy xã mã ${rec.commune_code} trong phạm vi của bạn`,
        });
        return;
      }
    }
    if (!parent) {
      issues.push({ path: `line ${line}.commune_code`, message: `Dòng ${line}: thiếu mã xã (commune_code)` });
      return;
    }
    const key = `${parent.id}|${parsed.data.kind}|${foldVietnamese(parsed.data.name)}`;
    if (seen.has(key)) {
      issues.push({ path: `line ${line}.name`, message: `Dòng ${line}: trùng với một dòng phía trên` });
      return;
    }
    seen.add(key);
    items.push({ parent, input: parsed.data, line });
  });
  if (!issues.length) await checkExisting(db, items, issues);
  if (issues.length) {
    throw validationFailed(issues, `Tệp có ${issues.length} lỗi; chưa nhập dòng nào. ${issues[0]!.message}`);
  }
  return db.transaction(async (tx) => {
    const ids = await insertLocalUnits(tx, items);
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "org_unit.imported",
      entityType: "org_unit",
      entityId: null,
      orgUnitId: fixedParent?.id ?? null,
      data: { created: ids.length, communes: [...new Set(items.map((i) => i.parent.code))] },
    });
    return ids.length;
  });
}
