// The audit log line of each action (see summaries.ts): the yearly certification of units, its events, criteria and history.
import { d, fileType, kb, n, type GroupSummaries } from "./summary-kit";

export const SUMMARIES_CERTIFICATION: GroupSummaries<`certification.${string}`> = {
  "certification.registered": (v, x) =>
    x.t("audit.summaries.certification.registered", {
      year: v.year,
      date: d(v.registeredOn),
      unitType: x.t(`certification:unitType.${v.unitType}`),
    }),
  "certification.self_assessed": (v, x) =>
    x.t("audit.summaries.certification.self_assessed", {
      date: d(v.assessedOn),
      met: n(v.answers.filter((a) => a.met).length),
      total: n(v.answers.length),
    }),
  "certification.reviewed": (v, x) =>
    x.t("audit.summaries.certification.reviewed", {
      date: d(v.meetingDate),
      votesFor: n(v.votesFor),
      votesTotal: n(v.votesTotal),
      attendees: n(v.attendees),
    }),
  "certification.appraised": (v, x) =>
    x.t("audit.summaries.certification.appraised", {
      date: d(v.appraisedOn),
      recommendation: x.t(`certification:recommend.${v.recommendation}`),
    }),
  "certification.decided": (v, x) =>
    x.t(v.late ? "audit.summaries.certification.decidedLate" : "audit.summaries.certification.decided", {
      outcome: x.t(`certification:outcomes.${v.outcome}`),
      number: v.decisionNumber,
      date: d(v.decisionDate),
    }),
  "certification.document_uploaded": (v, x) =>
    x.t("audit.summaries.file", {
      what: x.t(`certification:docs.${v.kind}`),
      type: fileType(v.type),
      size: kb(v.bytes),
    }),
  "certification.classified": (v, x) =>
    x.t("audit.summaries.certification.classified", {
      total: n(v.total),
      level: x.t(`certification:levels.${v.level}`),
      sheet: v.sheetCode,
    }),
  "certification.criteria_updated": (v, x) =>
    x.t("audit.summaries.certification.criteria_updated", {
      date: d(v.effectiveFrom),
      criteria: v.extraCriteria.length,
      authorities: v.authorities.length,
      basis: v.basis,
    }),
  "certification.event_recorded": (v, x) =>
    x.t("audit.summaries.certification.event_recorded", {
      kind: x.t(`certification:eventKinds.${v.kind}`),
      date: d(v.occurredOn),
      severity: x.t(`certification:severities.${v.severity}`),
    }),
  "certification.history_recorded": (v, x) =>
    x.t("audit.summaries.certification.history_recorded", {
      year: v.year,
      result: x.t(v.certified ? "certification:pastYears.certified" : "certification:pastYears.notCertified"),
      unitType: x.t(`certification:unitType.${v.unitType}`),
      decision: v.decisionNumber
        ? ` — ${v.decisionNumber}${v.decisionDate ? ` (${d(v.decisionDate)})` : ""}`
        : "",
    }),
  "certification.history_imported": (v, x) =>
    x.t("audit.summaries.certification.history_imported", {
      created: n(v.created),
      certified: n(v.certified),
      years: v.years.join(", "),
    }),
};
