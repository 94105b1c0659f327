// The audit log line of each action (see summaries.ts): cases and hotspots.
import { d, n, quarter, type Summary, type GroupSummaries } from "./summary-kit";

const caseAccess: Summary<"case.read" | "case.listed" | "case.exported"> = (v, x) =>
  x.t("audit.summaries.case.access", {
    n: n(v.caseIds.length),
    reason: v.reason,
  });

export const SUMMARIES_CASES: GroupSummaries<`case.${string}` | `hotspot.${string}`> = {
  "case.created": (v, x) =>
    x.t("audit.summaries.case.created", {
      kind: x.t(`cases:cases.kinds.${v.kind}`),
      date: d(v.reportedInOn),
      due: d(v.assignDueOn),
    }),
  "case.assigned": (v, x) =>
    x.t(v.onTime ? "audit.summaries.case.assigned" : "audit.summaries.case.assignedLate", {
      number: v.decisionNumber,
      date: d(v.decidedOn),
    }),
  "case.report_recorded": (v, x) =>
    x.t("audit.summaries.case.report_recorded", {
      quarter: quarter(v.quarter, x),
      date: d(v.reportedOn),
    }),
  "case.classified": (v, x) =>
    x.t("audit.summaries.case.classified", {
      quarter: quarter(v.quarter, x),
      group: v.group,
      date: d(v.classifiedOn),
    }),
  "case.support_recorded": (v, x) =>
    x.t("audit.summaries.case.support_recorded", {
      kind: x.t(`cases:cases.supportKinds.${v.kind}`),
      date: d(v.providedOn),
      provider: v.provider,
    }),
  "case.help_recorded": (v, x) =>
    x.t("audit.summaries.case.help_recorded", {
      kind: x.t(`cases:cases.help.kinds.${v.kind}`),
      date: d(v.receivedOn),
      helper: v.helper,
    }),
  "case.help_outcome_recorded": (v, x) =>
    x.t("audit.summaries.case.help_outcome_recorded", {
      outcome: x.t(`cases:cases.help.outcomes.${v.outcome}`),
      date: d(v.outcomeOn),
    }),
  "case.referral_recorded": (v, x) =>
    x.t("audit.summaries.case.referral_recorded", {
      mode: x.t(`cases:cases.referral.modes.${v.mode}`),
      date: d(v.referredOn),
      facility: v.facility,
    }),
  "case.referral_outcome_recorded": (v, x) =>
    x.t("audit.summaries.case.referral_outcome_recorded", {
      outcome: x.t(`cases:cases.referral.outcomes.${v.outcome}`),
      date: d(v.outcomeOn),
    }),
  "case.community_session_recorded": (v, x) =>
    x.t("audit.summaries.case.community_session_recorded", { date: d(v.heldOn), who: v.presidedBy }),
  "case.closed": (v, x) =>
    x.t("audit.summaries.case.closed", {
      outcome: x.t(`cases:cases.outcomes.${v.outcome}`),
      date: d(v.closedOn),
    }),
  "case.transferred": (v, x) =>
    x.t("audit.summaries.case.transferred", {
      moved: d(v.movedOn),
      date: d(v.transferredOn),
      due: d(v.receiveDueOn),
    }),
  "case.transfer_received": (v, x) =>
    x.t(v.onTime ? "audit.summaries.case.transfer_received" : "audit.summaries.case.transfer_receivedLate", {
      date: d(v.receivedOn),
      checked: d(v.residenceCheckedOn),
    }),
  "case.read": caseAccess,
  "case.listed": caseAccess,
  "case.exported": caseAccess,

  "hotspot.designated": (v, x) =>
    x.t("audit.summaries.hotspot.designated", {
      name: v.name,
      date: d(v.designatedOn),
      tasks: n(v.tasks.length),
    }),
  "hotspot.status_changed": (v, x) =>
    x.t("audit.summaries.hotspot.status_changed", {
      from: x.t(`hotspots:hotspots.statuses.${v.from}`),
      to: x.t(`hotspots:hotspots.statuses.${v.to}`),
      date: d(v.date),
      reason: v.reason,
    }),
  "hotspot.evidence_recorded": (v, x) =>
    v.incidents === undefined
      ? x.t("audit.summaries.hotspot.evidence", { date: d(v.observedOn) })
      : x.t("audit.summaries.hotspot.evidenceIncidents", {
          date: d(v.observedOn),
          n: n(v.incidents),
        }),
};
