// The audit log line of each action (see summaries.ts): plans and their sources, reports and the period locks.
import { d, fields, n, type Summary, type GroupSummaries } from "./summary-kit";

const reportMove: Summary<"report.submitted" | "report.returned" | "report.approved"> = (v, x) =>
  x.t("audit.summaries.report.moved", {
    from: x.t(`reports:reports.statuses.${v.from}`),
    to: x.t(`reports:reports.statuses.${v.to}`),
    comment: v.comment ? ` — “${v.comment}”` : "",
  });

export const SUMMARIES_PLANS: GroupSummaries<`plan.${string}` | `report.${string}` | `period.${string}`> = {
  "plan.created": (v, x) =>
    x.t("audit.summaries.plan.created", {
      number: v.number,
      tasks: n(v.tasks),
      targets: n(v.targets),
    }),
  "plan.updated": (v, x) =>
    x.t("audit.summaries.plan.updated", {
      number: v.after.number,
      from: v.after.periodFrom,
      to: v.after.periodTo,
      tasks: n(v.tasks),
      milestones: n(v.milestones),
      targets: n(v.targets),
    }),
  "plan.deleted": (v, x) => x.t("audit.summaries.plan.deleted", { number: v.number, title: v.title }),
  "plan.source_registered": (v, x) =>
    x.t("audit.summaries.plan.source_registered", {
      kind: x.t(`planSources.kinds.${v.kind}`),
      number: v.number,
      issuer: v.issuer,
    }),
  "plan.reviewed": (v, x) =>
    x.t("audit.summaries.plan.reviewed", {
      number: v.number,
      kind: x.t(`planReviews.kinds.${v.kind}`),
      year: v.year,
    }),

  "report.created": (v, x) =>
    x.t("audit.summaries.report.created", {
      template: x.t(`reports:reports.templates.${v.template}`),
      from: d(v.periodFrom),
      to: d(v.periodTo),
      symbol: v.symbol,
    }),
  "report.updated": (v, x) => x.t("audit.summaries.changed", { fields: fields(v.fields, x) || "—" }),
  "report.compiled": (v, x) =>
    x.t("audit.summaries.report.compiled", { children: n(v.children), missing: n(v.missing) }),
  "report.submitted": reportMove,
  "report.returned": reportMove,
  "report.approved": reportMove,

  "period.unlocked": (v, x) =>
    x.t("audit.summaries.period.unlocked", {
      from: d(v.periodFrom),
      to: d(v.periodTo),
      n: n(v.locks.length),
      reason: v.reason,
    }),
};
