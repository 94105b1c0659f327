// Audit data samples (see index.ts): groups and their pilots, steering committees, Front supervision and commendations.
import { ID, ID2, type SamplesOf } from "./shared";

export const SAMPLES_GROUPS = {
  "group.created": {
    orgUnitId: ID,
    typeCode: "grassroots_security_team",
    name: "Tổ bảo vệ ANTT khóm 3",
    foundedOn: "2025-01-10",
    status: "active",
  },
  "group.status_changed": {
    from: "pilot",
    to: "active",
    date: "2026-01-05",
    reason: null,
  },
  "group.member_added": {
    memberId: ID,
    joinedOn: "2026-01-05",
    role: "Tổ trưởng",
    disciplined: false,
    ageException: null,
  },
  "group.member_left": { memberId: ID, leftOn: "2026-02-01" },
  "group.surveyed": {
    surveyId: ID,
    surveyedOn: "2026-01-20",
    crimes: 2,
    drugUsers: 1,
    gangs: 0,
    socialEvils: 3,
  },
  "group.evaluated": {
    evaluationId: ID,
    evaluatedOn: "2026-01-15",
    periodFrom: "2025-01-01",
    periodTo: "2025-12-31",
    rating: "good",
    reasons: [],
  },
  "group.year_rated": {
    year: 2026,
    evaluatedOn: "2026-11-10",
    team: { rating: "good", previous: null },
    members: [{ memberId: ID, rating: "completed", previous: "good" }],
  },
  "group.equipment_installed": {
    changeId: ID,
    kind: "camera",
    quantity: 4,
    on: "2026-03-01",
    fundedBy: "community",
  },
  "group.equipment_removed": { changeId: ID, kind: "camera", quantity: 1, on: "2026-05-01" },
  "group.channel_added": { channelId: ID, platform: "zalo", members: 120, startedOn: "2025-01-10" },
  "group.channel_closed": { channelId: ID, closedOn: "2026-06-01" },
  "group.duty_logged": {
    logId: ID,
    date: "2026-06-02",
    memberIds: [ID, ID2],
    incidents: 1,
    incidentNote: null,
    notes: null,
  },
  "group.duty_log_updated": { logId: ID, before: { incidents: 0 }, after: { incidents: 1 } },
  "pilot.designated": {
    orgUnitId: ID,
    typeCode: "crime_drug_free_area",
    decisionNumber: "15/QĐ-MTTQ",
    decisionOn: "2026-02-01",
  },
  "pilot.evaluated": { evaluationId: ID, evaluatedOn: "2026-08-01", result: "replicable" },
  "pilot.replicated": { replicationId: ID, orgUnitId: ID2, replicatedOn: "2026-09-01" },
  "committee.created": {
    decisionKind: "consolidated",
    decisionNumber: "12/QĐ-UBND",
    decisionOn: "2026-01-05",
    members: 3,
  },
  "committee.member_added": { memberId: ID, role: "member", joinedOn: "2026-01-05" },
  "committee.member_removed": { memberId: ID, leftOn: "2026-06-01" },
  "committee.meeting_recorded": { meetingId: ID, heldOn: "2026-03-31", kind: "regular", attendees: 9 },
  "committee.assignment_created": { assignmentId: ID, responsibleMemberId: ID, dueOn: "2026-06-30" },
  "committee.assignment_done": { assignmentId: ID, doneOn: "2026-06-20" },
  "supervision.created": {
    title: "Giám sát phong trào",
    subjectKind: "movement",
    form: "delegation",
    periodFrom: "2026-05-01",
    periodTo: "2026-05-31",
    decisionNumber: null,
    members: 3,
  },
  "supervision.finding_recorded": { findingId: ID, foundOn: "2026-05-10" },
  "supervision.recommendation_added": {
    recommendationId: ID,
    addresseeBodyId: null,
    madeOn: "2026-05-31",
    dueOn: "2026-06-30",
  },
  "supervision.response_recorded": { recommendationId: ID, respondedOn: "2026-06-20", late: false },
  "supervision.closed": { closedOn: "2026-07-01", result: "good", unanswered: 0 },
  "commendation.nominated": {
    nomineeKind: "person",
    nominatedOn: "2026-05-01",
    evidence: [{ kind: "activity", id: ID }],
  },
  "commendation.endorsed": {
    level: "commune",
    approve: true,
    endorsedOn: "2026-05-05",
    byUnitId: ID,
  },
  "commendation.decided": {
    awardForm: "giay_khen",
    decisionNumber: "20/QĐ-UBND",
    decidedOn: "2026-05-20",
    issuer: "UBND phường",
  },
  "commendation.consent_recorded": {
    given: true,
    on: "2026-05-21",
    method: "written",
  },
  "commendation.published": { published: true },
} satisfies SamplesOf<
  | `group.${string}`
  | `pilot.${string}`
  | `committee.${string}`
  | `supervision.${string}`
  | `commendation.${string}`
>;
