import { todayInVietnam } from "@toandan/contracts";
import type {
  ListCriteriaQuerySchema,
  ListCertificationCyclesQuerySchema,
  ScoringSheet,
  CertificationCycle,
  CertificationCycleDetail,
  CertificationStatus,
  CertificationUnitType,
  DossierKind,
  Permission,
} from "@toandan/contracts";
import { DOSSIER_KINDS } from "@toandan/contracts";
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { queryRows, type Db } from "../../db/client";
import { pathInScope, type Actor } from "../../kernel/authz";
import { notFound } from "../../kernel/errors";
import { decodeCursor, pageFrom } from "../../kernel/pagination";
import { loadUnit } from "../org-units";
import { canCreateAt, cycleAbilities } from "./certification.policy";
import { allowedSteps, daysBetween } from "./certification.rules";
import { pinnedVersionOf } from "./certification.versions";
import { certificationCriteria, certificationRules, movementScoringSheets } from "./certification.table";

export type CycleRow = {
  id: string;
  orgUnitId: string;
  orgUnitName: string;
  provinceId: string | null;
  unitPath: string;
  unitType: CertificationUnitType;
  year: number;
  status: CertificationStatus;
  criteriaVersion: string;
  provinceCriteriaVersionId: string | null;
  windowFrom: string;
  windowTo: string;
  decisionDeadline: string;
  recognisingAuthority: string;
  authorityVerified: boolean;
  registeredOn: string;
  partyResolution: boolean;
  planAdopted: boolean;
  householdsRegistered: number | null;
  selfAssessment: CertificationCycleDetail["selfAssessment"];
  reviewMeeting: CertificationCycleDetail["reviewMeeting"];
  appraisal: CertificationCycleDetail["appraisal"];
  decision: CertificationCycleDetail["decision"];
  decisionNumber: string | null;
  decisionDate: string | null;
  certificateCode: string | null;
  classification: CertificationCycleDetail["classification"];
};

export const SELECT_CYCLE = sql`select c.id, c.org_unit_id as "orgUnitId", u.full_name as "orgUnitName",
    c.province_id as "provinceId", c.unit_path as "unitPath", c.unit_type as "unitType", c.year, c.status,
    c.criteria_version as "criteriaVersion", c.province_criteria_version_id as "provinceCriteriaVersionId",
    c.window_from::text as "windowFrom", c.window_to::text as "windowTo",
    c.decision_deadline::text as "decisionDeadline", c.recognising_authority as "recognisingAuthority",
    c.authority_verified as "authorityVerified", c.registered_on::text as "registeredOn",
    c.party_resolution as "partyResolution", c.plan_adopted as "planAdopted",
    c.households_registered as "householdsRegistered", c.self_assessment as "selfAssessment",
    c.review_meeting as "reviewMeeting", c.appraisal, c.decision, c.decision_number as "decisionNumber",
    c.decision_date::text as "decisionDate", c.certificate_code as "certificateCode", c.classification
  from certification_cycles c join org_units u on u.id = c.org_unit_id`;

/** One cycle in the caller's scope for `permission`, or 404. */
export async function getVisibleCycle(
  db: Db,
  actor: Actor,
  id: string,
  permission: Permission = "certification.read",
): Promise<CycleRow> {
  const [row] = await queryRows<CycleRow>(
    db,
    sql`${SELECT_CYCLE} where c.id = ${id} and ${pathInScope(actor, permission, sql`c.unit_path`)}`,
  );
  if (!row) throw notFound();
  return row;
}

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listCycles(
  db: Db,
  actor: Actor,
  f: {
    prefix?: string | undefined;
    year?: number | undefined;
    status?: string | undefined;
    unitType?: string | undefined;
  },
  offset: number,
  limit: number,
  extra: SQL = sql`true`,
): Promise<CycleRow[]> {
  return queryRows<CycleRow>(
    db,
    sql`${SELECT_CYCLE} where ${pathInScope(actor, "certification.read", sql`c.unit_path`)}
      and ${f.prefix ? sql`c.unit_path like ${`${escapeLike(f.prefix)}%`}` : sql`true`}
      and ${f.year ? sql`c.year = ${f.year}` : sql`true`}
      and ${f.status ? sql`c.status = ${f.status}` : sql`true`}
      and ${f.unitType ? sql`c.unit_type = ${f.unitType}` : sql`true`}
      and ${extra}
      order by c.decision_deadline, u.sort_name, c.id
      limit ${limit + 1} offset ${offset}`,
  );
}

const DECIDED = new Set(["recognised", "not_recognised"]);

export function presentCycle(r: CycleRow, today = todayInVietnam()): CertificationCycle {
  const decided = DECIDED.has(r.status);
  const daysLeft = decided ? null : daysBetween(today, r.decisionDeadline);
  return {
    id: r.id,
    orgUnitId: r.orgUnitId,
    orgUnitName: r.orgUnitName,
    unitType: r.unitType,
    year: r.year,
    status: r.status,
    criteriaVersion: r.criteriaVersion,
    registeredOn: r.registeredOn,
    windowFrom: r.windowFrom,
    windowTo: r.windowTo,
    decisionDeadline: r.decisionDeadline,
    daysLeft,
    overdue: daysLeft !== null && daysLeft < 0,
    recognisingAuthority: r.recognisingAuthority,
    authorityVerified: r.authorityVerified,
    decisionNumber: r.decisionNumber,
    decisionDate: r.decisionDate,
  };
}

export type DocumentRow = { kind: DossierKind; uploadedAt: string; filePath: string; mimeType: string };

export async function documentsOf(db: Db, cycleId: string): Promise<DocumentRow[]> {
  return queryRows<DocumentRow>(
    db,
    sql`select kind, uploaded_at::text as "uploadedAt", file_path as "filePath", mime_type as "mimeType"
        from certification_documents where cycle_id = ${cycleId}`,
  );
}

/** Missing parts of the recognition dossier (Art. 9.2): the review meeting and the signed scans. */
export function missingDossier(r: CycleRow, docs: DocumentRow[]): { path: string; message: string }[] {
  const missing: { path: string; message: string }[] = [];
  if (!r.reviewMeeting) missing.push({ path: "reviewMeeting", message: "Chưa có biên bản họp bình xét" });
  const labels: Record<DossierKind, string> = {
    submission: "Tờ trình",
    results_report: "Báo cáo kết quả",
    minutes: "Biên bản cuộc họp",
  };
  for (const kind of DOSSIER_KINDS) {
    if (!docs.some((d) => d.kind === kind)) {
      missing.push({ path: `documents.${kind}`, message: `Chưa tải lên bản ký ${labels[kind]}` });
    }
  }
  return missing;
}

export async function presentDetail(db: Db, actor: Actor, r: CycleRow): Promise<CertificationCycleDetail> {
  const docs = await documentsOf(db, r.id);
  return {
    ...presentCycle(r),
    partyResolution: r.partyResolution,
    planAdopted: r.planAdopted,
    householdsRegistered: r.householdsRegistered,
    selfAssessment: r.selfAssessment,
    provinceCriteriaVersion: await pinnedVersionOf(db, r.provinceCriteriaVersionId),
    reviewMeeting: r.reviewMeeting,
    appraisal: r.appraisal,
    decision: r.decision,
    documents: DOSSIER_KINDS.map((kind) => {
      const d = docs.find((x) => x.kind === kind);
      return { kind, uploaded: Boolean(d), uploadedAt: d?.uploadedAt ?? null };
    }),
    dossierComplete: missingDossier(r, docs).length === 0,
    certificateCode: r.status === "recognised" ? r.certificateCode : null,
    classification: r.classification,
    allowedSteps: allowedSteps(actor, r.status, r.unitPath),
    can: cycleAbilities(actor, r),
  };
}

/** One cycle as the caller sees it, with what the caller may do with it now. */
export async function cycleDetail(db: Db, actor: Actor, id: string): Promise<CertificationCycleDetail> {
  return presentDetail(db, actor, await getVisibleCycle(db, actor, id));
}

/** The national rules: windows, deadlines and recognising authority per unit type. */
export async function listRules(db: Db) {
  const rows = await db.select().from(certificationRules).where(isNull(certificationRules.provinceId));
  return {
    items: rows.map(({ id: _id, provinceId: _p, ...r }) => ({
      ...r,
      unitType: r.unitType as CertificationUnitType,
    })),
    nextCursor: null,
  };
}

/** The versioned criteria catalogue. */
export async function listCriteria(db: Db, q: z.infer<typeof ListCriteriaQuerySchema>) {
  const c = certificationCriteria;
  const where: SQL[] = [];
  if (q.unitType) where.push(eq(c.unitType, q.unitType));
  if (q.version) where.push(eq(c.version, q.version));
  const rows = await db
    .select()
    .from(c)
    .where(and(...where))
    .orderBy(c.version, c.unitType, c.sortOrder);
  return {
    items: rows.map(({ provinceId, sortOrder: _s, ...r }) => ({
      ...r,
      unitType: r.unitType as CertificationUnitType,
      provincial: provinceId !== null,
    })),
    nextCursor: null,
  };
}

/** The scoring sheets of the movement classification. */
export async function listScoringSheets(db: Db): Promise<{ items: ScoringSheet[]; nextCursor: null }> {
  const rows = await db.select().from(movementScoringSheets).orderBy(movementScoringSheets.code);
  return { items: rows as ScoringSheet[], nextCursor: null };
}

/**
 * The path of a filter unit whose records count in the caller's read scope, or 404: a pre-reform
 * unit is read through its own path by those over the unit it rolls up into.
 */
export async function subtreePath(db: Db, actor: Actor, unitId: string | undefined) {
  if (!unitId) return undefined;
  const unit = await loadUnit(db, actor, unitId, { permission: "certification.read", scope: "rollup" });
  return unit.path;
}

/** A page of cycles, soonest deadline first, with whether the caller may register a unit. */
export async function listCyclePage(
  db: Db,
  actor: Actor,
  q: z.infer<typeof ListCertificationCyclesQuerySchema>,
) {
  const offset = decodeCursor(q.cursor);
  const prefix = await subtreePath(db, actor, q.orgUnitId);
  const page = pageFrom(await listCycles(db, actor, { ...q, prefix }, offset, q.limit), offset, q.limit);
  return {
    ...page,
    items: page.items.map((r) => presentCycle(r)),
    can: { create: canCreateAt(actor, "certification.register", prefix) },
  };
}
