// The level below a report: the units that report to the report's unit, their reports for the same
// period and template (read through the caller's scope), and when each was submitted and approved.
import { REPORTING_UNIT_KINDS, dateInVietnam } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { pathInScope, type Actor } from "../../kernel/authz";
import type { Figure, Section } from "./prose";
import type { ReportRow } from "./reports.queries";

export type ChildUnit = { id: string; fullName: string };
export type ChildReport = {
  id: string;
  orgUnitId: string;
  status: string;
  number: string | null;
  symbol: string;
  issuedOn: string;
  sections: Section[];
  figures: Figure[];
  createdAt: string;
  firstSubmittedAt: string | null;
  approvedAt: string | null;
};

/** The current units directly below the report's unit that write reports (communes, residential areas). */
export async function childUnits(db: Db, report: Pick<ReportRow, "orgUnitId" | "periodTo">) {
  return queryRows<ChildUnit>(
    db,
    sql`select id, full_name as "fullName" from org_units
        where parent_id = ${report.orgUnitId}
          and kind in (${sql.join(
            REPORTING_UNIT_KINDS.map((k) => sql`${k}`),
            sql`, `,
          )})
          and (valid_to is null or valid_to >= ${report.periodTo}::date)
        order by sort_name, id`,
  );
}

/**
 * The children's reports of the same template and period that the actor may read, newest first per
 * child, with the first submission (audit log) and the latest approval (its period lock).
 */
export async function childReports(
  db: Db,
  actor: Actor,
  report: Pick<ReportRow, "template" | "periodFrom" | "periodTo">,
  childIds: string[],
): Promise<ChildReport[]> {
  if (childIds.length === 0) return [];
  const rows = await queryRows<ChildReport>(
    db,
    sql`select r.id, r.org_unit_id as "orgUnitId", r.status, r.number, r.symbol, r.issued_on::text as "issuedOn",
          r.sections, r.figures, r.created_at as "createdAt",
          (select min(a.occurred_at) from audit_log a
             where a.entity_type = 'report' and a.entity_id = r.id::text and a.action = 'report.submitted') as "firstSubmittedAt",
          (select max(l.locked_at) from period_locks l where l.report_id = r.id) as "approvedAt"
        from reports r
        where r.org_unit_id in (${sql.join(
          childIds.map((id) => sql`${id}`),
          sql`, `,
        )})
          and r.template = ${report.template} and r.period_from = ${report.periodFrom}::date
          and r.period_to = ${report.periodTo}::date
          and ${pathInScope(actor, "report.read", sql`r.rollup_path`)}
        order by r.created_at desc, r.id desc`,
  );
  return rows.map((r) => ({
    ...r,
    createdAt: new Date(r.createdAt).toISOString(),
    firstSubmittedAt: r.firstSubmittedAt && new Date(r.firstSubmittedAt).toISOString(),
    approvedAt: r.approvedAt && new Date(r.approvedAt).toISOString(),
  }));
}

/** The day (Vietnam) of an instant. */
export const vnDay = (at: string) => dateInVietnam(new Date(at));
