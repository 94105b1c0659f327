// Audit data samples (see index.ts): the privacy module.
import type { SamplesOf } from "./shared";

export const SAMPLES_PRIVACY = {
  "privacy.request_created": {
    kind: "delete",
    channel: "in_person",
    receivedAt: "2026-03-02T01:00:00.000Z",
    dueAt: "2026-03-05T01:00:00.000Z",
  },
  "privacy.request_searched": { found: 3, modules: { households: 1, groups: 1, commendations: 1 } },
  "privacy.request_answered": { outcome: "exception", exceptions: ["crime_prevention"], late: false },
  "privacy.request_exported": { records: 3 },
  "privacy.breach_recorded": {
    detectedAt: "2026-03-02T01:00:00.000Z",
    categories: ["basic"],
    peopleAffected: 120,
  },
  "privacy.breach_notified": { notifiedAt: "2026-03-03T08:00:00.000Z", late: false },
  "privacy.breach_notice_generated": {},
  "privacy.consent_text_created": { purpose: "tip_contact", version: 2 },
  "privacy.impact_assessment_exported": { activities: 14 },
  "privacy.request_executed": { action: "erase", done: 3, kept: 2, none: 0 },
  "privacy.record_erased": { requestId: "6f1c2a9e-0000-4000-8000-000000000001", module: "households" },
  "privacy.record_restricted": { requestId: "6f1c2a9e-0000-4000-8000-000000000001", module: "groups" },
  "privacy.restrictions_read": { reason: "Rà soát yêu cầu hạn chế xử lý", records: 4 },
  "privacy.restriction_lifted": {
    source: "household",
    requestId: "6f1c2a9e-0000-4000-8000-000000000001",
    reason: "Người yêu cầu rút lại yêu cầu",
  },
  "privacy.record_corrected": {
    requestId: "6f1c2a9e-0000-4000-8000-000000000001",
    module: "tips",
    fields: ["fullName"],
  },
} satisfies SamplesOf<`privacy.${string}`>;
