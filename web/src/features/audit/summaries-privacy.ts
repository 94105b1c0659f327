// The audit log line of each action (see summaries.ts): the privacy module (requests, breaches, consent texts).
import {
  CONSENT_PURPOSE_LABELS,
  SUBJECT_REQUEST_KIND_LABELS,
  SUBJECT_REQUEST_OUTCOME_LABELS,
} from "@toandan/contracts";
import { formatDateTime } from "../../lib/format";
import { n, none, type GroupSummaries } from "./summary-kit";

export const SUMMARIES_PRIVACY: GroupSummaries<`privacy.${string}`> = {
  "privacy.request_created": (v, x) =>
    x.t("audit.summaries.privacy.request_created", {
      kind: SUBJECT_REQUEST_KIND_LABELS[v.kind][x.lang],
      due: formatDateTime(v.dueAt),
    }),
  "privacy.request_searched": (v, x) =>
    x.t("audit.summaries.privacy.request_searched", { found: n(v.found) }),
  "privacy.request_answered": (v, x) =>
    x.t("audit.summaries.privacy.request_answered", {
      outcome: SUBJECT_REQUEST_OUTCOME_LABELS[v.outcome][x.lang],
      late: v.late ? x.t("audit.summaries.privacy.late") : "",
    }),
  "privacy.request_exported": (v, x) =>
    x.t("audit.summaries.privacy.request_exported", { records: n(v.records) }),
  "privacy.breach_recorded": (v, x) =>
    x.t("audit.summaries.privacy.breach_recorded", {
      detected: formatDateTime(v.detectedAt),
      people: n(v.peopleAffected),
    }),
  "privacy.breach_notified": (v, x) =>
    x.t("audit.summaries.privacy.breach_notified", {
      notified: formatDateTime(v.notifiedAt),
      late: v.late ? x.t("audit.summaries.privacy.late") : "",
    }),
  "privacy.breach_notice_generated": none,
  "privacy.consent_text_created": (v, x) =>
    x.t("audit.summaries.privacy.consent_text_created", {
      purpose: CONSENT_PURPOSE_LABELS[v.purpose][x.lang],
      version: v.version,
    }),
  "privacy.impact_assessment_exported": (v, x) =>
    x.t("audit.summaries.privacy.impact_assessment_exported", { activities: n(v.activities) }),
  "privacy.request_executed": (v, x) =>
    x.t("audit.summaries.privacy.request_executed", { done: n(v.done), kept: n(v.kept) }),
  "privacy.record_erased": (v, x) => x.t("audit.summaries.privacy.record_module", { module: v.module }),
  "privacy.record_restricted": (v, x) => x.t("audit.summaries.privacy.record_module", { module: v.module }),
  "privacy.record_corrected": (v, x) => x.t("audit.summaries.privacy.record_module", { module: v.module }),
  "privacy.restrictions_read": (v, x) =>
    x.t("audit.summaries.privacy.restrictions_read", { records: n(v.records), reason: v.reason }),
  "privacy.restriction_lifted": (v, x) =>
    x.t("audit.summaries.privacy.restriction_lifted", { reason: v.reason }),
};
