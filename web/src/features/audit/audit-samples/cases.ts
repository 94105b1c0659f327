// Audit data samples (see index.ts): cases and hotspots.
import { ID, ID2, type SamplesOf } from "./shared";

export const SAMPLES_CASES = {
  "case.created": {
    kind: "released_prisoner",
    reportedInOn: "2026-03-06",
    assignDueOn: "2026-03-11",
    fileDueOn: "2026-03-13",
  },
  "case.assigned": {
    assigneeBodyId: ID,
    previousAssigneeBodyId: null,
    decisionNumber: "12/QĐ-UBND",
    decidedOn: "2026-03-10",
    onTime: true,
    fileOpenedOn: null,
  },
  "case.report_recorded": {
    reportId: ID,
    quarter: "2026-Q1",
    reportedOn: "2026-03-31",
  },
  "case.classified": {
    quarter: "2026-Q1",
    group: "B",
    classifiedOn: "2026-04-02",
  },
  "case.support_recorded": {
    supportId: ID,
    kind: "job",
    providedOn: "2026-04-10",
    provider: "Hội Liên hiệp Phụ nữ phường",
  },
  "case.help_recorded": {
    instanceId: ID,
    kind: "family_mentoring",
    receivedOn: "2026-04-10",
    helper: "Chi hội Phụ nữ khóm 1",
  },
  "case.help_outcome_recorded": { instanceId: ID, outcome: "reformed", outcomeOn: "2026-09-10" },
  "case.referral_recorded": {
    referralId: ID,
    mode: "compulsory",
    referredOn: "2026-04-12",
    facility: "Cơ sở cai nghiện ma túy tỉnh",
  },
  "case.referral_outcome_recorded": { referralId: ID, outcome: "admitted", outcomeOn: "2026-04-15" },
  "case.community_session_recorded": { sessionId: ID, heldOn: "2026-04-20", presidedBy: "Trưởng khóm" },
  "case.closed": {
    outcome: "expunged",
    closedOn: "2027-03-06",
    decisionNumber: null,
  },
  "case.transferred": {
    transferId: ID,
    fromCommuneId: ID,
    toCommuneId: ID2,
    movedOn: "2026-11-30",
    transferredOn: "2026-12-01",
    receiveDueOn: "2026-12-08",
    residenceCheckDueOn: "2026-12-04",
    previousAssigneeBodyId: null,
  },
  "case.transfer_received": {
    transferId: ID,
    orgUnitId: ID2,
    receivedOn: "2026-12-07",
    residenceCheckedOn: "2026-12-04",
    onTime: true,
    assignDueOn: "2026-12-10",
  },
  "case.read": {
    basis: "case_officer",
    reason: "Kiểm tra định kỳ",
    caseIds: [ID],
  },
  "case.listed": {
    basis: "commune_police",
    reason: "Danh sách",
    caseIds: [ID, ID2],
  },
  "case.exported": { basis: "export", reason: "Báo cáo quý", caseIds: [] },
  "hotspot.designated": {
    orgUnitId: ID,
    name: "Khu vực chợ đêm",
    designatedOn: "2026-02-01",
    reasons: ["drugs"],
    tasks: [{ title: "Tuần tra", responsibleBodyId: ID }],
  },
  "hotspot.status_changed": {
    from: "designated",
    to: "transforming",
    date: "2026-03-01",
    reason: "Kế hoạch chuyển hóa",
  },
  "hotspot.evidence_recorded": {
    evidenceId: ID,
    observedOn: "2026-03-15",
    summary: "Giảm",
    incidents: 2,
  },
} satisfies SamplesOf<`case.${string}` | `hotspot.${string}`>;
