// Versions of the criteria (Circular 124/2021/TT-BCA Art. 8.1: the Circular's criteria "và các tiêu
// chí bổ sung do Ủy ban nhân dân cấp tỉnh quy định"). The national version is the Circular's text as
// shipped; a province's version adds its extra criteria and names its recognising authorities, from
// its effective date. A cycle is pinned to the province version in force on its self-assessment
// date and keeps it: a later version never changes an assessment or a decision already made.
import {
  todayInVietnam,
  type AuthorityInput,
  type CertificationUnitType,
  type CriteriaVersion,
  type CriteriaVersionList,
} from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import type { Actor } from "../../kernel/authz";
import { notFound } from "../../kernel/errors";
import { permissionsOf } from "@toandan/contracts";
import { loadUnit } from "../org-units";
import { CRITERIA_SEED, TT124, type EvidenceKey } from "./certification.catalogue";

export type VersionRow = {
  id: string;
  provinceId: string | null;
  label: string;
  effectiveFrom: string;
  basis: string;
  authorities: Partial<Record<CertificationUnitType, Omit<AuthorityInput, "unitType">>>;
  createdByName: string | null;
  createdAt: string;
};

const SELECT_VERSION = sql`select v.id, v.province_id as "provinceId", v.label,
    v.effective_from::text as "effectiveFrom", v.basis, v.authorities,
    a.display_name as "createdByName", v.created_at::text as "createdAt"
  from certification_criteria_versions v left join accounts a on a.id = v.created_by`;

/** The province's version in force on `on` (the latest whose date has come), or null. */
export async function provinceVersionOn(
  db: Db,
  provinceId: string | null,
  on: string,
): Promise<VersionRow | null> {
  if (!provinceId) return null;
  const [row] = await queryRows<VersionRow>(
    db,
    sql`${SELECT_VERSION} where v.province_id = ${provinceId} and v.effective_from <= ${on}::date
        order by v.effective_from desc limit 1`,
  );
  return row ?? null;
}

async function versionById(db: Db, id: string): Promise<VersionRow | null> {
  const [row] = await queryRows<VersionRow>(db, sql`${SELECT_VERSION} where v.id = ${id}`);
  return row ?? null;
}

/** A cycle's pinned version as shown on the cycle (null when none is pinned). */
export async function pinnedVersionOf(db: Db, id: string | null) {
  if (!id) return null;
  const v = await versionById(db, id);
  return v ? { id: v.id, label: v.label, effectiveFrom: v.effectiveFrom, basis: v.basis } : null;
}

/**
 * The province version a cycle is judged under: its pinned one; none for a cycle assessed while the
 * province had none (it keeps the national criteria alone); else — not yet assessed — the one in
 * force today.
 */
export async function versionOfCycle(
  db: Db,
  cycle: { provinceId: string | null; provinceCriteriaVersionId: string | null; status: string },
): Promise<{ version: VersionRow; pinned: boolean } | null> {
  if (cycle.provinceCriteriaVersionId) {
    const v = await versionById(db, cycle.provinceCriteriaVersionId);
    return v ? { version: v, pinned: true } : null;
  }
  if (cycle.status !== "registered") return null;
  const v = await provinceVersionOn(db, cycle.provinceId, todayInVietnam());
  return v ? { version: v, pinned: false } : null;
}

export type CriterionRow = {
  code: string;
  article: string;
  titleVi: string;
  titleEn: string;
  evidenceKey: EvidenceKey | null;
  provincial: boolean;
  basis: string;
};

/**
 * The criteria a cycle is judged on: the national version's (how the system judges each comes from
 * the shipped catalogue, not from editable rows) and the province version's extras (judged by people).
 */
export async function criteriaOf(
  db: Db,
  cycle: { criteriaVersion: string; unitType: CertificationUnitType; provinceId: string | null },
  version: VersionRow | null,
): Promise<CriterionRow[]> {
  const rows = await queryRows<Omit<CriterionRow, "basis"> & { provinceVersion: string }>(
    db,
    sql`select code, article, title_vi as "titleVi", title_en as "titleEn", evidence_key as "evidenceKey",
          (province_id is not null) as provincial, version as "provinceVersion"
        from certification_criteria
        where unit_type = ${cycle.unitType}
          and ((province_id is null and version = ${cycle.criteriaVersion})
            or (province_id = ${cycle.provinceId} and version = ${version?.id ?? cycle.criteriaVersion}))
        order by province_id nulls first, sort_order, code`,
  );
  const shipped = new Map(CRITERIA_SEED[cycle.unitType].map((c) => [c.code, c]));
  return rows.map(({ provinceVersion: _v, ...c }) => ({
    ...c,
    evidenceKey: c.provincial ? null : (shipped.get(c.code)?.evidenceKey ?? c.evidenceKey),
    basis: c.provincial
      ? `${version?.basis ?? "Quy định của UBND tỉnh"}, ${c.article}`
      : `${TT124}, ${c.article}`,
  }));
}

/** The caller holds certification.configure at this province itself (a province-level administrator). */
export function isProvinceAdministrator(actor: Actor, provinceId: string): boolean {
  return actor.roles.some(
    (r) =>
      r.orgUnitId === provinceId &&
      r.orgUnitKind === "province" &&
      permissionsOf([r.role]).has("certification.configure"),
  );
}

/** The province the caller administers (the first, if several), else null. */
function administeredProvince(actor: Actor): string | null {
  const r = actor.roles.find(
    (x) => x.orgUnitKind === "province" && permissionsOf([x.role]).has("certification.configure"),
  );
  return r?.orgUnitId ?? null;
}

async function present(db: Db, v: VersionRow, inForceId: string | null): Promise<CriteriaVersion> {
  const criteria = await queryRows<CriteriaVersion["criteria"][number]>(
    db,
    sql`select unit_type as "unitType", code, article, title_vi as "titleVi", title_en as "titleEn"
        from certification_criteria
        where ${v.provinceId ? sql`province_id = ${v.provinceId} and version = ${v.id}` : sql`province_id is null and version = ${v.label}`}
        order by unit_type, sort_order, code`,
  );
  const [count] = await queryRows<{ n: number | string }>(
    db,
    v.provinceId
      ? sql`select count(*) as n from certification_cycles where province_criteria_version_id = ${v.id}`
      : sql`select count(*) as n from certification_cycles where criteria_version = ${v.label} and self_assessment is not null`,
  );
  return {
    id: v.id,
    provinceId: v.provinceId,
    label: v.label,
    effectiveFrom: v.effectiveFrom,
    basis: v.basis,
    inForce: v.id === inForceId,
    criteria,
    authorities: Object.entries(v.authorities).map(([unitType, a]) => ({
      unitType: unitType as CertificationUnitType,
      recognisingAuthority: a.recognisingAuthority,
      authorityVerified: a.authorityVerified,
    })),
    cyclesAssessed: Number(count?.n ?? 0),
    createdByName: v.createdByName,
    createdAt: v.createdAt,
  };
}

/** The national versions and a province's versions, newest first, with whether the caller may add one. */
export async function listCriteriaVersions(
  db: Db,
  actor: Actor,
  q: { provinceId?: string | undefined },
): Promise<CriteriaVersionList> {
  const provinceId = q.provinceId ?? administeredProvince(actor);
  let provinceName: string | null = null;
  if (provinceId) {
    const unit = await loadUnit(db, actor, provinceId, { permission: "certification.read" });
    if (unit.kind !== "province") throw notFound();
    provinceName = unit.fullName;
  }
  const today = todayInVietnam();
  const national = await queryRows<VersionRow>(
    db,
    sql`${SELECT_VERSION} where v.province_id is null order by v.effective_from desc`,
  );
  const nationalInForce = national.find((v) => v.effectiveFrom <= today)?.id ?? null;
  const own = provinceId
    ? await queryRows<VersionRow>(
        db,
        sql`${SELECT_VERSION} where v.province_id = ${provinceId} order by v.effective_from desc`,
      )
    : [];
  const ownInForce = own.find((v) => v.effectiveFrom <= today)?.id ?? null;
  return {
    provinceId,
    provinceName,
    national: await Promise.all(national.map((v) => present(db, v, nationalInForce))),
    items: await Promise.all(own.map((v) => present(db, v, ownInForce))),
    can: { update: provinceId !== null && isProvinceAdministrator(actor, provinceId) },
  };
}
