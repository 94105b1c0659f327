import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { foldVietnamese, type OrgUnitKind } from "@toandan/contracts";
import { parse } from "csv-parse/sync";
import { and, eq, isNull, sql } from "drizzle-orm";
import { queryRows, type Database, type Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import { BODIES_BY_UNIT_KIND, PROVINCE_COMMUNE_NAMES } from "../bodies";
import { orgUnitChanges, orgUnitLineage, orgUnits } from "../org-units.table";

export const REFORM_DATE = "2025-07-01";
export const PREREFORM_END = "2025-06-30";
/** Communes dissolved on 2025-03-01 that the merge mapping still lists. */
const DISSOLVED_END = "2025-02-28";

export const DEFAULT_DATA_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../../../reference-data/vn-admin",
);

type Row = Record<string, string>;
type NewUnit = typeof orgUnits.$inferInsert & { id: string; path: string };

function readCsv(dir: string, file: string): Row[] {
  return parse(fs.readFileSync(path.join(dir, file)), { columns: true, skip_empty_lines: true });
}

function req(row: Row, col: string): string {
  const v = row[col];
  if (v === undefined) throw new Error(`column ${col} missing`);
  return v;
}

function unit(
  parent: { id: string; path: string; depth: number; provinceId: string | null } | null,
  kind: OrgUnitKind,
  row: Row,
  validity: { from: string | null; to: string | null },
): NewUnit {
  const id = randomUUID();
  const fullName = req(row, "full_name").replace(/\s+/g, " ").trim();
  const depth = parent ? parent.depth + 1 : 0;
  return {
    id,
    code: req(row, "code"),
    kind,
    type: row.type ?? null,
    name: req(row, "name").replace(/\s+/g, " ").trim(),
    fullName,
    searchName: foldVietnamese(fullName),
    sortName: foldVietnamese(req(row, "name")),
    parentId: parent?.id ?? null,
    provinceId: kind === "province" ? id : (parent?.provinceId ?? null),
    path: `${parent?.path ?? "/"}${id}/`,
    rollupPath: `${parent?.path ?? "/"}${id}/`,
    depth,
    validFrom: validity.from,
    validTo: validity.to,
    isOfficial: true,
  };
}

const asParent = (u: NewUnit) => ({
  id: u.id,
  path: u.path,
  depth: u.depth ?? 0,
  provinceId: u.provinceId ?? null,
});

async function insertBatched<T>(
  rows: T[],
  insert: (batch: T[]) => Promise<unknown>,
  onBatch?: (done: number) => void,
) {
  for (let i = 0; i < rows.length; i += 1000) {
    await insert(rows.slice(i, i + 1000));
    onBatch?.(Math.min(i + 1000, rows.length));
  }
}

/** Longest common prefix of materialised paths, cut at a segment boundary. */
export function commonAncestorPath(paths: string[]): string {
  const split = paths.map((p) => p.split("/").filter(Boolean));
  const first = split[0] ?? [];
  let n = 0;
  while (n < first.length && split.every((s) => s[n] === first[n])) n += 1;
  return `/${first.slice(0, n).join("/")}/`;
}

export type ImportSummary = {
  provincesCurrent: number;
  communesCurrent: number;
  provincesPrereform: number;
  districtsPrereform: number;
  /** Communes in the final pre-reform list (2025-03-01 to 2025-06-30). */
  communesPrereform: number;
  /** Communes dissolved on 2025-03-01 that the merge mapping still lists, kept as historic units. */
  communesDissolved: number;
  lineage: number;
  changes: number;
  bodies: number;
};

/** Finds the root (country) unit, or null before the first import. */
export async function findRoot(db: Db) {
  const [root] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.kind, "country"), isNull(orgUnits.parentId)));
  return root ?? null;
}

const count = (n: number) => n.toLocaleString("en-US");

/**
 * Imports the official tree: the pre-reform tree (valid until 2025-06-30), the current
 * provinces and communes (from 2025-07-01), later attribute changes, and the old → new lineage.
 * Runs once, in one transaction; returns null when the units are already there. `onProgress`
 * receives a line per step for the operator's console (the import takes tens of seconds).
 */
export async function importOfficialUnits(
  database: Database,
  dir: string = DEFAULT_DATA_DIR,
  opts: { onProgress?: (message: string) => void } = {},
): Promise<ImportSummary | null> {
  if (await findRoot(database.db)) return null;
  const progress = opts.onProgress ?? (() => {});
  const all: NewUnit[] = [];
  const root = unit(
    null,
    "country",
    { code: "VN", name: "Việt Nam", full_name: "Việt Nam", type: "quoc_gia" },
    { from: null, to: null },
  );
  all.push(root);

  // Pre-reform tree.
  const oldProvinces = new Map<string, NewUnit>();
  for (const r of readCsv(dir, "prereform_2025-03-01_provinces.csv")) {
    const u = unit(asParent(root), "province", r, { from: null, to: PREREFORM_END });
    oldProvinces.set(u.code!, u);
    all.push(u);
  }
  const oldDistricts = new Map<string, NewUnit>();
  for (const r of readCsv(dir, "prereform_2025-03-01_districts.csv")) {
    const p = oldProvinces.get(req(r, "province_code"));
    if (!p) throw new Error(`district ${r.code}: unknown province ${r.province_code}`);
    const u = unit(asParent(p), "district", r, { from: null, to: PREREFORM_END });
    oldDistricts.set(u.code!, u);
    all.push(u);
  }
  const oldCommunes = new Map<string, NewUnit>();
  for (const r of readCsv(dir, "prereform_2025-03-01_wards.csv")) {
    const d = oldDistricts.get(req(r, "district_code"));
    if (!d) throw new Error(`commune ${r.code}: unknown district ${r.district_code}`);
    const u = unit(asParent(d), "commune", r, { from: null, to: PREREFORM_END });
    oldCommunes.set(u.code!, u);
    all.push(u);
  }
  const counts = {
    provincesPrereform: oldProvinces.size,
    districtsPrereform: oldDistricts.size,
    communesPrereform: oldCommunes.size,
  };
  progress(
    `read the pre-reform tree: ${counts.provincesPrereform} provinces, ${count(counts.districtsPrereform)} districts, ${count(counts.communesPrereform)} communes`,
  );

  // Current tree.
  const newProvinces = new Map<string, NewUnit>();
  for (const r of readCsv(dir, "provinces_2025-07-01.csv")) {
    const u = unit(asParent(root), "province", r, { from: REFORM_DATE, to: null });
    newProvinces.set(u.code!, u);
    all.push(u);
  }
  const newCommunes = new Map<string, NewUnit>();
  for (const r of readCsv(dir, "wards_2025-07-01.csv")) {
    const p = newProvinces.get(req(r, "province_code"));
    if (!p) throw new Error(`ward ${r.code}: unknown province ${r.province_code}`);
    const u = unit(asParent(p), "commune", r, { from: REFORM_DATE, to: null });
    newCommunes.set(u.code!, u);
    all.push(u);
  }

  progress(
    `read the current tree: ${newProvinces.size} provinces, ${count(newCommunes.size)} communes (since ${REFORM_DATE})`,
  );

  // Lineage.
  const lineage = new Map<string, { oldUnitId: string; newUnitId: string; mergeType: string }>();
  const link = (oldId: string, newId: string, mergeType: string) => {
    const key = `${oldId}>${newId}`;
    const prev = lineage.get(key);
    if (!prev || (prev.mergeType === "full" && mergeType === "partial")) {
      lineage.set(key, { oldUnitId: oldId, newUnitId: newId, mergeType });
    }
  };
  for (const r of readCsv(dir, "province_merges_2025.csv")) {
    const o = oldProvinces.get(req(r, "old_province_code"));
    const n = newProvinces.get(req(r, "new_province_code"));
    if (!o || !n) throw new Error(`province merge ${r.old_province_code}→${r.new_province_code}`);
    link(o.id, n.id, "full");
  }
  const districtTargets = new Map<string, Set<string>>();
  for (const r of readCsv(dir, "ward_merges_2025.csv")) {
    const n = newCommunes.get(req(r, "new_code"));
    if (!n) throw new Error(`ward merge: unknown new unit ${r.new_code}`);
    const mergeType = req(r, "merge_type") === "partial" ? "partial" : "full";
    let o: NewUnit | undefined;
    if (r.old_level === "district") {
      o = oldDistricts.get(req(r, "old_code"));
    } else {
      o = oldCommunes.get(req(r, "old_code"));
      if (!o) {
        // Dissolved on 2025-03-01 but still listed by the mapping: keep it as a historic unit.
        const d = oldDistricts.get(req(r, "old_district_code"));
        if (!d) throw new Error(`ward merge: unknown old district ${r.old_district_code}`);
        const fullName = req(r, "old_full_name");
        o = unit(
          asParent(d),
          "commune",
          {
            code: req(r, "old_code"),
            name: fullName.replace(/^(Xã|Phường|Thị trấn)\s+/, ""),
            full_name: fullName,
            type: fullName.startsWith("Phường")
              ? "phuong"
              : fullName.startsWith("Thị trấn")
                ? "thi_tran"
                : "xa",
          },
          { from: null, to: DISSOLVED_END },
        );
        oldCommunes.set(o.code!, o);
        all.push(o);
      }
    }
    if (!o) throw new Error(`ward merge: unknown old unit ${r.old_code}`);
    link(o.id, n.id, mergeType);
    if (r.old_level !== "district") {
      const dc = req(r, "old_district_code");
      const set = districtTargets.get(dc) ?? new Set<string>();
      set.add(n.id);
      districtTargets.set(dc, set);
    }
  }
  for (const [dc, targets] of districtTargets) {
    const d = oldDistricts.get(dc);
    if (!d) continue;
    for (const t of targets) link(d.id, t, targets.size === 1 ? "full" : "partial");
  }

  // Changes after the reform: the row holds today's values, the change table the history.
  const changes: (typeof orgUnitChanges.$inferInsert)[] = [];
  for (const r of readCsv(dir, "changes_after_2025-07-01.csv")) {
    const code = req(r, "code");
    const u = r.level === "province" ? newProvinces.get(code) : newCommunes.get(code);
    if (!u) throw new Error(`change: unknown unit ${code}`);
    const effectiveDate = req(r, "effective_date");
    const legalBasis = r.legal_basis ?? null;
    changes.push({
      orgUnitId: u.id,
      effectiveDate,
      field: req(r, "field"),
      oldValue: req(r, "old_value"),
      newValue: req(r, "new_value"),
      legalBasis,
    });
    if (r.old_full_name && r.new_full_name && r.old_full_name !== r.new_full_name) {
      changes.push({
        orgUnitId: u.id,
        effectiveDate,
        field: "full_name",
        oldValue: r.old_full_name,
        newValue: r.new_full_name,
        legalBasis,
      });
    }
    // The row holds the latest values; presenting the tree at an earlier date reverts them.
    if (r.field === "type") u.type = req(r, "new_value");
    if (r.new_full_name) {
      u.fullName = r.new_full_name;
      u.searchName = foldVietnamese(r.new_full_name);
    }
  }

  // Records made under a pre-reform unit roll up into the lowest common ancestor of its successors.
  const byId = new Map(all.map((u) => [u.id, u]));
  const successors = new Map<string, string[]>();
  for (const l of lineage.values()) {
    const n = byId.get(l.newUnitId);
    if (n) successors.set(l.oldUnitId, [...(successors.get(l.oldUnitId) ?? []), n.path]);
  }
  for (const [oldId, paths] of successors) {
    const o = byId.get(oldId);
    if (o) o.rollupPath = commonAncestorPath(paths);
  }

  const dissolved = oldCommunes.size - counts.communesPrereform;
  progress(
    `read the reform lineage: ${count(lineage.size)} links old → new, ${dissolved} communes dissolved on 2025-03-01 kept as historic units`,
  );

  await database.db.transaction(async (tx) => {
    // Parents before children: sort by depth.
    all.sort((a, b) => (a.depth ?? 0) - (b.depth ?? 0));
    await insertBatched(
      all,
      (b) => tx.insert(orgUnits).values(b),
      (done) => {
        if (done % 5000 === 0 || done === all.length) {
          progress(`writing units: ${count(done)} / ${count(all.length)}`);
        }
      },
    );
    progress(`writing ${count(lineage.size)} lineage links and ${changes.length} later changes`);
    await insertBatched([...lineage.values()], (b) =>
      tx.insert(orgUnitLineage).values(b.map((l) => ({ ...l, effectiveDate: REFORM_DATE }))),
    );
    await insertBatched(changes, (b) => tx.insert(orgUnitChanges).values(b));
    progress("creating the Front, police and member-organisation bodies of every unit");
    // Bodies at every unit, pre-reform ones included (records made before 2025 name their
    // organisers): one INSERT … SELECT, computed in the database.
    const kinds = Object.entries(BODIES_BY_UNIT_KIND).flatMap(([unitKind, list]) =>
      list.map((kind) => sql`(${unitKind}, ${kind}, ${PROVINCE_COMMUNE_NAMES[kind]})`),
    );
    await tx.execute(sql`insert into bodies (org_unit_id, kind, name)
      select u.id, k.kind, k.prefix || ' ' || u.full_name
      from org_units u join (values ${sql.join(kinds, sql`, `)}) k(unit_kind, kind, prefix) on k.unit_kind = u.kind
      where u.is_official`);
    await recordEvent(tx, {
      actorId: null,
      action: "system.units_imported",
      entityType: "org_unit",
      entityId: root.id,
      orgUnitId: root.id,
      data: { units: all.length, lineage: lineage.size, changes: changes.length },
    });
  });
  return {
    provincesCurrent: newProvinces.size,
    communesCurrent: newCommunes.size,
    ...counts,
    communesDissolved: dissolved,
    lineage: lineage.size,
    changes: changes.length,
    bodies: Number(
      (await queryRows<{ n: string }>(database.db, sql`select count(*) as n from bodies`))[0]?.n ?? 0,
    ),
  };
}
