// Which units of the level below have reported for a report's period: approved, submitted and
// awaiting approval, in progress, or missing — and who is late against the due day.
import { childReportDueOn, todayInVietnam, type ReportCompleteness } from "@toandan/contracts";
import type { Db } from "../../db/client";
import type { Actor } from "../../kernel/authz";
import { childReports, childUnits, vnDay, type ChildReport } from "./children";
import { loadReport } from "./reports.queries";

const RANK: Record<string, number> = { approved: 0, submitted: 1, returned: 2, draft: 2 };

/** The report a child is judged by: its approved one, else submitted, else the newest in progress. */
export function bestOf(reports: ChildReport[]): ChildReport | undefined {
  return [...reports].sort(
    (a, b) => (RANK[a.status] ?? 9) - (RANK[b.status] ?? 9) || b.createdAt.localeCompare(a.createdAt),
  )[0];
}

/**
 * The level below the report's unit for the report's template and period (the caller must be able to
 * read the report; the children's reports are read through the same scope). Due day: the period's
 * last day plus CHILD_REPORT_DUE_WORKING_DAYS working days.
 */
export async function getReportCompleteness(db: Db, actor: Actor, id: string): Promise<ReportCompleteness> {
  const report = await loadReport(db, actor, id, "report.read");
  const units = await childUnits(db, report);
  const reports = await childReports(
    db,
    actor,
    report,
    units.map((u) => u.id),
  );
  const dueOn = childReportDueOn(report.periodTo);
  const overdue = todayInVietnam() > dueOn;
  const children = units.map((u) => {
    const best = bestOf(reports.filter((r) => r.orgUnitId === u.id));
    const submittedOn = best?.firstSubmittedAt ? vnDay(best.firstSubmittedAt) : null;
    const state = !best
      ? ("missing" as const)
      : best.status === "approved"
        ? ("approved" as const)
        : best.status === "submitted"
          ? ("submitted" as const)
          : ("in_progress" as const);
    const reported = state === "approved" || state === "submitted";
    return {
      orgUnitId: u.id,
      orgUnitName: u.fullName,
      state,
      reportId: best?.id ?? null,
      submittedOn,
      late: reported ? submittedOn !== null && submittedOn > dueOn : overdue,
    };
  });
  const count = (f: (c: (typeof children)[number]) => boolean) => children.filter(f).length;
  return {
    orgUnitId: report.orgUnitId,
    template: report.template,
    periodFrom: report.periodFrom,
    periodTo: report.periodTo,
    dueOn,
    total: children.length,
    approved: count((c) => c.state === "approved"),
    submitted: count((c) => c.state === "submitted"),
    notReported: count((c) => c.state === "in_progress" || c.state === "missing"),
    late: count((c) => c.late),
    children,
  };
}
