import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { recordEvent } from "../../kernel/audit";
import { insertLocalUnits, type OrgUnitDbRow } from "../org-units";
import { certificationHistory } from "./certification.table";

/**
 * The ten communes and wards of the former Bạc Liêu city (district 954, until 30/06/2025) and the
 * one of them, if any, not certified in a year. The city's five-year review of Directive 09 (seed
 * 004, 29/05/2017) says that each year "trên 90 % xã, phường" were certified: with ten units a year
 * is 90 % (one missed) or 100 %, so a yearly rate above 90 % is all ten, every year of 2013–2017.
 * Decision numbers are not known; the authority is the city's People's Committee (Circular
 * 23/2012/TT-BCA, then 124/2021 Art. 10).
 */
const FORMER_CITY = [
  "31813",
  "31816",
  "31819",
  "31822",
  "31825",
  "31828",
  "31831",
  "31834",
  "31837",
  "31840",
];
const MISSED: Record<number, string | null> = {
  2013: null,
  2014: null,
  2015: null,
  2016: null,
  2017: null,
  // 2021–2023, the years of plan 279/KH-MTTQ-BCA (seed 002 gives its targets, ≥ 80 % and > 90 %,
  // not its results): the results are assumptions of the demo, near the targets.
  2021: "31828",
  2022: null,
  2023: "31816",
};

/**
 * The same review's "94 % khóm, ấp" and "98 % đến 100 % cơ quan, doanh nghiệp": five residential
 * areas and five agencies, enterprises or schools per commune or ward, recorded by the commune as
 * its cadre would have (local units, ended with their commune on 30/06/2025). Their names are
 * generic ("Khóm 1"…"Khóm 5" in a ward, "Ấp 1"…"Ấp 5" in a commune; the health station, schools
 * and post office); their number, and which of them missed a year, are assumptions of the demo
 * (the seed gives only rates): 47 of 50 areas every year, 49 or 50 of 50 agencies.
 */
const AGENCIES = [
  { kind: "agency", name: "Trạm Y tế" },
  { kind: "school", name: "Trường Mầm non" },
  { kind: "school", name: "Trường Tiểu học" },
  { kind: "school", name: "Trường THCS" },
  { kind: "enterprise", name: "Bưu điện" },
] as const;
/** Per year, the (commune code, 1-based index) of the areas and agencies not certified. */
const AREAS_MISSED: Record<number, string[]> = {
  2013: ["31813:2", "31834:4", "31840:1"],
  2014: ["31816:3", "31837:5", "31825:1"],
  2015: ["31822:4", "31840:2", "31828:5"],
  2016: ["31819:1", "31831:3", "31834:2"],
  2017: ["31825:5", "31837:2", "31813:4"],
  2021: ["31813:5", "31822:2", "31831:4", "31840:3"],
  2022: ["31816:1", "31828:3", "31834:5"],
  2023: ["31819:2", "31837:4"],
};
const AGENCIES_MISSED: Record<number, string[]> = {
  2013: ["31837:3"],
  2014: ["31831:5"],
  2015: [],
  2016: ["31840:2"],
  2017: [],
  2021: ["31825:2", "31834:3"],
  2022: ["31813:5"],
  2023: [],
};

type Commune = { id: string; code: string; path: string; rollupPath: string };
type Local = { id: string; key: string; kind: string; path: string; rollupPath: string };

/** The former communes' residential areas and agencies, created once (found again on later runs). */
async function formerLocalUnits(tx: Db, communes: Commune[]): Promise<Local[]> {
  const parents = await queryRows<OrgUnitDbRow>(
    tx,
    sql`select id, code, kind, type, name, full_name as "fullName", parent_id as "parentId",
          province_id as "provinceId", path, depth, valid_from::text as "validFrom",
          valid_to::text as "validTo", is_official as "isOfficial", 0 as "childCount",
          null as "ancestorNames"
        from org_units where id = any(${sql.param(communes.map((c) => c.id))}::uuid[])`,
  );
  const wanted = parents.flatMap((p) => {
    const ward = p.fullName.startsWith("Phường");
    return [
      ...[1, 2, 3, 4, 5].map((i) => ({
        parent: p,
        input: {
          kind: "residential_area" as const,
          name: `${ward ? "Khóm" : "Ấp"} ${i}`,
          type: ward ? "khom" : "ap",
        },
      })),
      ...AGENCIES.map((a) => ({
        parent: p,
        input: {
          kind: a.kind,
          name: `${a.name} ${p.fullName.charAt(0).toLowerCase()}${p.fullName.slice(1)}`,
        },
      })),
    ];
  });
  const existing = await queryRows<{ parentId: string; kind: string; name: string }>(
    tx,
    sql`select parent_id as "parentId", kind, name from org_units
        where not is_official and parent_id = any(${sql.param(parents.map((p) => p.id))}::uuid[])`,
  );
  const have = new Set(existing.map((e) => `${e.parentId}|${e.kind}|${e.name}`));
  const missing = wanted.filter((w) => !have.has(`${w.parent.id}|${w.input.kind}|${w.input.name}`));
  const ids = await insertLocalUnits(tx, missing);
  // Units of the pre-reform tree: ended with their commune, counted where it rolls up.
  if (ids.length > 0) {
    await tx.execute(sql`update org_units u set valid_from = null, valid_to = p.valid_to,
        rollup_path = p.rollup_path
      from org_units p where p.id = u.parent_id and u.id = any(${sql.param(ids)}::uuid[])`);
  }
  const rows = await queryRows<{
    id: string;
    parentId: string;
    kind: string;
    name: string;
    path: string;
    rollupPath: string;
  }>(
    tx,
    sql`select id, parent_id as "parentId", kind, name, path, rollup_path as "rollupPath" from org_units
        where not is_official and parent_id = any(${sql.param(parents.map((p) => p.id))}::uuid[])`,
  );
  const codeOf = new Map(communes.map((c) => [c.id, c.code]));
  const locals = rows.flatMap((r) => {
    const area = /^(?:Khóm|Ấp) (\d)$/.exec(r.name);
    const agency = AGENCIES.findIndex((a) => a.kind === r.kind && r.name.startsWith(`${a.name} `));
    const index = r.kind === "residential_area" ? Number(area?.[1] ?? 0) : agency + 1;
    if (index < 1 || index > 5) return [];
    return [
      {
        id: r.id,
        key: `${codeOf.get(r.parentId)}:${index}`,
        kind: r.kind,
        path: r.path,
        rollupPath: r.rollupPath,
      },
    ];
  });
  return locals;
}

/**
 * The results of 2013–2017 and 2021–2023 (above) and, given `areaId` (the demo's current Khóm 1,
 * whose households' commitments of 2021–2023 the demo holds), that area's results of 2021–2023,
 * all certified, recorded by its ward.
 */
export async function seedCertificationHistoryDemo(db: Db, areaId?: string): Promise<void> {
  const units = await queryRows<Commune>(
    db,
    sql`select id, code, path, rollup_path as "rollupPath" from org_units
        where kind = 'commune' and valid_to is not null and code = any(${sql.param(FORMER_CITY)}::text[])`,
  );
  if (units.length === 0) return;
  const nameOf = new Map<string, string>();
  const communeRows = Object.entries(MISSED).flatMap(([year, missed]) =>
    units.map((u) => ({
      orgUnitId: u.id,
      unitPath: u.path,
      rollupPath: u.rollupPath,
      unitType: "commune",
      year: Number(year),
      certified: u.code !== missed,
      decisionAuthority: "UBND thành phố Bạc Liêu",
    })),
  );
  await db.transaction(async (tx) => {
    const names = await queryRows<{ id: string; name: string }>(
      tx,
      sql`select id, full_name as name from org_units where id = any(${sql.param(units.map((u) => u.id))}::uuid[])`,
    );
    for (const n of names) nameOf.set(n.id, n.name);
    const locals = await formerLocalUnits(tx, units);
    const localRows = Object.keys(MISSED).flatMap((y) => {
      const year = Number(y);
      return locals.map((l) => {
        const missed = l.kind === "residential_area" ? AREAS_MISSED[year]! : AGENCIES_MISSED[year]!;
        const parentId = l.path.split("/").filter(Boolean).at(-2)!;
        return {
          orgUnitId: l.id,
          unitPath: l.path,
          rollupPath: l.rollupPath,
          unitType: l.kind,
          year,
          certified: !missed.includes(l.key),
          decisionAuthority: `UBND ${nameOf.get(parentId) ?? ""}`.trim(),
        };
      });
    });
    const rows = [...communeRows, ...localRows, ...(areaId ? await currentAreaRows(tx, areaId) : [])];
    await tx.insert(certificationHistory).values(rows).onConflictDoNothing();
    await recordEvent(tx, {
      actorId: null,
      action: "certification.history_imported",
      entityType: "certification_history",
      entityId: null,
      orgUnitId: null,
      data: {
        created: rows.length,
        certified: rows.filter((r) => r.certified).length,
        years: Object.keys(MISSED).map(Number),
      },
    });
  });
}

/** The current demo area's results of the plan-279 years, decided by its ward's People's Committee. */
async function currentAreaRows(tx: Db, areaId: string) {
  const [area] = await queryRows<{ path: string; rollupPath: string; ward: string }>(
    tx,
    sql`select u.path, u.rollup_path as "rollupPath", p.full_name as ward
        from org_units u join org_units p on p.id = u.parent_id where u.id = ${areaId}`,
  );
  if (!area) return [];
  return [2021, 2022, 2023].map((year) => ({
    orgUnitId: areaId,
    unitPath: area.path,
    rollupPath: area.rollupPath,
    unitType: "residential_area",
    year,
    certified: true,
    decisionAuthority: `UBND ${area.ward}`,
  }));
}
