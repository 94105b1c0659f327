import { permissionsOf, type Permission, type Report } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { pathInScope, type Actor } from "../../kernel/authz";
import { notFound } from "../../kernel/errors";

export type ReportRow = Report & { rollupPath: string; unitPath: string };

const SELECT = sql`select r.id, r.org_unit_id as "orgUnitId", u.full_name as "orgUnitName", u.path as "unitPath",
  r.rollup_path as "rollupPath", r.template, r.year, r.period_from::text as "periodFrom", r.period_to::text as "periodTo",
  r.issuing_body as "issuingBody", r.parent_body as "parentBody", r.number, r.symbol, r.place,
  r.issued_on::text as "issuedOn", r.subject, r.sections, r.figures, r.recipients, r.signer_title as "signerTitle",
  r.signer_name as "signerName", r.status, r.comments, r.created_at as "createdAt"
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

export function presentReport(r: ReportRow): Report {
  const { rollupPath: _r, unitPath: _u, ...rest } = r;
  return { ...rest, createdAt: new Date(r.createdAt).toISOString() };
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
