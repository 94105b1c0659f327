import {
  REPORT_TRANSITIONS,
  canTransition,
  permissionsOf,
  type ListReportsQuery,
  type Permission,
  type Report,
  type ReportSummary,
} from "@toandan/contracts";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { isInScope, pathInScope, type Actor } from "../../kernel/authz";
import { notFound } from "../../kernel/errors";

type Lock = {
  periodFrom: string;
  periodTo: string;
  lockedAt: string;
  unlockedAt: string | null;
  unlockReason: string | null;
};
export type ReportRow = Omit<Report, "lock" | "can"> & {
  rollupPath: string;
  unitPath: string;
  lock: Lock | null;
};

const SELECT = sql`select r.id, r.org_unit_id as "orgUnitId", u.full_name as "orgUnitName", u.path as "unitPath",
  r.rollup_path as "rollupPath", r.template, r.year, r.period_from::text as "periodFrom", r.period_to::text as "periodTo",
  r.cut_off::text as "cutOff", r.issuing_body as "issuingBody", r.parent_body as "parentBody", r.number, r.symbol, r.place,
  r.issued_on::text as "issuedOn", r.subject, r.sections, r.figures, r.recipients, r.signer_title as "signerTitle",
  r.signer_name as "signerName", r.status, r.comments, r.compiled, r.created_at as "createdAt",
  r.map_indicator as "mapIndicator",
  case when u.valid_to is not null then null when u.kind = 'country' then 'provinces'
    when u.kind = 'province' and u.code is not null then 'communes' end as "mapLevel",
  (select json_build_object('periodFrom', l.period_from::text, 'periodTo', l.period_to::text, 'lockedAt', l.locked_at, 'unlockedAt', l.unlocked_at, 'unlockReason', l.unlock_reason)
     from period_locks l where l.report_id = r.id order by l.locked_at desc limit 1) as lock
  from reports r join org_units u on u.id = r.org_unit_id`;

/** A report in the actor's scope for `permission`, or 404. */
export async function loadReport(
  db: Db,
  actor: Actor,
  id: string,
  permission: Permission,
): Promise<ReportRow> {
  const [row] = await queryRows<ReportRow>(
    db,
    sql`${SELECT} where r.id = ${id} and ${pathInScope(actor, permission, sql`r.rollup_path`)}`,
  );
  if (!row) throw notFound();
  return row;
}

const iso = (t: string | Date) => new Date(t).toISOString();

/** The report as the actor sees it, with what the actor may do with it now. */
export function presentReport(r: ReportRow, actor: Actor): Report {
  const { rollupPath, unitPath, lock, ...rest } = r;
  const manages = isInScope(actor, "report.manage", rollupPath);
  const editable = (r.status === "draft" || r.status === "returned") && manages;
  const above = isLevelAbove(actor, "report.approve", unitPath);
  return {
    ...rest,
    createdAt: iso(r.createdAt),
    lock: lock && {
      periodFrom: lock.periodFrom,
      periodTo: lock.periodTo,
      lockedAt: iso(lock.lockedAt),
      unlockedAt: lock.unlockedAt && iso(lock.unlockedAt),
      unlockReason: lock.unlockReason,
    },
    can: {
      edit: editable,
      submit: canTransition(REPORT_TRANSITIONS, r.status, "submitted") && manages,
      // Return and approve both move a submitted report.
      review: canTransition(REPORT_TRANSITIONS, r.status, "approved") && above,
      unlock: r.status === "approved" && lock !== null && lock.unlockedAt === null && above,
    },
  };
}

/**
 * Reports in the actor's scope, newest first. `awaiting`: submitted reports of units one level
 * below a unit where the actor holds report.approve.
 */
export async function listReports(
  db: Db,
  actor: Actor,
  q: Omit<ListReportsQuery, "cursor" | "limit"> & { offset: number; limit: number },
): Promise<ReportSummary[]> {
  const where: SQL[] = [pathInScope(actor, "report.read", sql`r.rollup_path`)];
  if (q.orgUnitId) where.push(sql`r.org_unit_id = ${q.orgUnitId}`);
  if (q.year) where.push(sql`r.year = ${q.year}`);
  if (q.status) where.push(sql`r.status = ${q.status}`);
  if (q.awaiting) {
    const approverPaths = actor.roles
      .filter((r) => roleHas(r.role, "report.approve"))
      .map((r) => r.orgUnitPath);
    where.push(
      approverPaths.length === 0
        ? sql`false`
        : sql`r.status = 'submitted' and regexp_replace(u.path, '[^/]+/$', '') in (${sql.join(
            approverPaths.map((p) => sql`${p}`),
            sql`, `,
          )})`,
    );
  }
  const rows = await queryRows<ReportSummary>(
    db,
    sql`select r.id, r.org_unit_id as "orgUnitId", u.full_name as "orgUnitName", r.template, r.year,
          r.period_from::text as "periodFrom", r.period_to::text as "periodTo", r.cut_off::text as "cutOff", r.number, r.symbol,
          r.issued_on::text as "issuedOn", r.subject, r.status, r.created_at as "createdAt"
        from reports r join org_units u on u.id = r.org_unit_id
        where ${sql.join(where, sql` and `)}
        order by r.created_at desc, r.id desc limit ${q.limit + 1} offset ${q.offset}`,
  );
  return rows.map((r) => ({ ...r, createdAt: iso(r.createdAt) }));
}

/**
 * The actor holds `permission` at a unit strictly above `unitPath` (the level above reviews a
 * report and unlocks its period; nobody approves their own unit's report).
 */
export function isLevelAbove(actor: Actor, permission: Permission, unitPath: string): boolean {
  return actor.roles.some(
    (r) => unitPath.startsWith(r.orgUnitPath) && unitPath !== r.orgUnitPath && roleHas(r.role, permission),
  );
}

const roleHas = (role: Actor["roles"][number]["role"], p: Permission) => permissionsOf([role]).has(p);
