// The data each audit action stores: one schema per action in AUDIT_ACTIONS, the exact shape its
// call sites write (server/src/**/recordEvent). The kernel's AuditEvent is typed by this map, so a
// call with the wrong data for its action does not compile; the web parses stored rows with it.
//
// What is stored is hashed into the chain: a schema here describes rows, it never rewrites them.
// Changing what a call site writes changes new rows only; the web falls back to the raw data for a
// row that does not parse.
//
// Never in audit data: tip or feedback content, a citizen's name, address or contact, an IP.
import { z } from "zod";
import { IdSchema, IsoDateSchema } from "../common";
import { RoleGrantSchema } from "./accounts";
import {
  ACTIVITY_EDITABLE_FIELDS,
  ActivitySchema,
  CreateActivityBodySchema,
  FestivalLevelSchema,
  TrainingFormSchema,
  TrainingLevelSchema,
} from "./activities";
import type { AuditAction } from "./audit";
import {
  CaseGroupSchema,
  CaseKindSchema,
  CaseOutcomeSchema,
  HelpKindSchema,
  RehabModeSchema,
  SupportKindSchema,
} from "./cases";
import {
  AppraiseBodySchema,
  CertificationStatusSchema,
  CertificationUnitTypeSchema,
  DisqualifyingEventKindSchema,
  DossierKindSchema,
  EventSeveritySchema,
  MovementLevelSchema,
  RegisterCertificationBodySchema,
  SelfAssessmentBodySchema,
} from "./certification";
import { DisciplineLevelSchema } from "./certification-criteria";
import { TeamRatingSchema } from "./team-evaluations";
import {
  DecideCommendationBodySchema,
  EndorseCommendationBodySchema,
  EvidenceLinkSchema,
  NomineeKindSchema,
  RecordConsentBodySchema,
} from "./commendations";
import { CalendarConfidenceSchema, CalendarDayKindSchema } from "./calendar";
import {
  CommitteeMeetingKindSchema,
  CommitteeRoleSchema,
  CreateSteeringCommitteeBodySchema,
} from "./committees";
import {
  FeedbackAcceptanceDecisionSchema,
  FeedbackNoticeChannelSchema,
  FeedbackStatusSchema,
} from "./feedback";
import {
  CreateGroupBodySchema,
  GroupRatingSchema,
  GroupStatusSchema,
  RecordGroupSurveyBodySchema,
} from "./groups";
import {
  InstallEquipmentBodySchema,
  OnlinePlatformSchema,
  RemoveEquipmentBodySchema,
} from "./group-equipment";
import { DesignatePilotBodySchema, EvaluatePilotBodySchema, RecordReplicationBodySchema } from "./pilots";
import { DesignateHotspotBodySchema, HotspotStatusSchema, RecordHotspotEvidenceBodySchema } from "./hotspots";
import { MemberOrgKindSchema } from "./households";
import { SupervisionFormSchema, SupervisionResultSchema, SupervisionSubjectSchema } from "./supervision";
import { NewsKindSchema } from "./news";
import { ReviewKindSchema, SourceKindSchema } from "./plans";
import { CreatableKindSchema } from "./org-units";
import { REPORT_STATUSES, REPORT_TEMPLATES } from "./reports";
import {
  IntakeChannelSchema,
  RecordTipNoticeBodySchema,
  TipGroundSchema,
  TipOutcomeSchema,
  TipStatusSchema,
  TipUrgencySchema,
} from "./tips";

/** Actions that store no data (`{}`): the actor, entity and time say it all. */
const NoData = z.record(z.string(), z.never());
/** Actions no call site writes (kept in AUDIT_ACTIONS for stored rows and filters). */
const NotWritten = z.never();

const count = z.number().int();
const text = z.string();
/** The file types an upload accepts (sniffed from the bytes). */
const UploadTypeSchema = z.enum(["application/pdf", "image/jpeg", "image/png"]);

const fromTo = <S extends z.ZodType>(status: S) => ({
  from: status,
  to: status,
});

/** The editable fields of an activity, with the value before or after an edit (changed ones only). */
const ActivityChangesSchema = z.partialRecord(
  z.enum([...ACTIVITY_EDITABLE_FIELDS, "organizerBodyIds"]),
  z.unknown(),
);

const PlanHeaderSchema = z.object({
  number: text,
  title: text,
  periodFrom: count,
  periodTo: count,
});

const ReportMoveSchema = z.object({
  ...fromTo(z.enum(REPORT_STATUSES)),
  /** The reviewer's comment, when there is one (its text is the report's, not a citizen's). */
  comment: text.optional(),
});

const CaseAccessSchema = z.object({
  basis: z.enum(["case_officer", "commune_police", "assignee", "export"]),
  reason: text,
  caseIds: z.array(IdSchema),
});

const TipCode = { code: text };

/** Demo seeding writes one event per part it seeds; the entity type tells them apart. */
const DemoSeededSchema = z.union([
  /** entityType org_unit: the demo residential area. */
  z.object({ name: text, parentCode: text }),
  /** entityType activity: the seeded history of activities. */
  z.object({ activities: count, sources: z.array(text) }),
  /** entityType household. */
  z.object({ households: count, commitments: count }),
  /** entityType household: the demo area's safe-family reviews. */
  z.object({ safeFamilies: count }),
  /** entityType certification_cycle. */
  z.object({ cycles: count, year: count }),
  /** entityType case: cases with a hotspot and commendations around them. */
  z.object({ cases: count, hotspots: count, commendations: count }),
  /** entityType case: the history of help instances and sessions before the community. */
  z.object({ cases: count, helpInstances: count, communitySessions: count }),
  /** entityType plan: the directives, programmes and plans of the seed articles. */
  z.object({ sources: count, plans: z.array(text) }),
  /** entityType tip: past tips with their outcomes. */
  z.object({ tips: count, source: text }),
]);

export const AUDIT_EVENT_DATA = {
  "auth.login": NoData,
  "auth.logout": NoData,
  "auth.login_failed": z.object({ failures: count }),
  "auth.locked": z.object({ minutes: count }),
  "auth.password_changed": NoData,

  "org_unit.created": z.object({
    parentId: IdSchema,
    kind: CreatableKindSchema,
    name: text,
    code: text.nullable(),
  }),
  /** The parent communes' codes (null for a commune without one). */
  "org_unit.imported": z.object({
    created: count,
    communes: z.array(text.nullable()),
  }),

  "account.created": z.object({
    username: text,
    roles: z.array(RoleGrantSchema),
    isDemo: z.boolean(),
  }),
  /** The request without the password; passwordReset says whether one was set. */
  "account.updated": z.object({
    displayName: text.optional(),
    disabled: z.boolean().optional(),
    roles: z.array(RoleGrantSchema).optional(),
    unlock: z.literal(true).optional(),
    passwordReset: z.boolean(),
  }),

  "system.units_imported": z.object({
    units: count,
    lineage: count,
    changes: count,
  }),
  "system.demo_seeded": DemoSeededSchema,

  "plan.created": z.object({ number: text, tasks: count, targets: count }),
  "plan.updated": z.object({
    before: PlanHeaderSchema,
    after: PlanHeaderSchema,
    tasks: count,
    milestones: count,
    targets: count,
  }),
  "plan.deleted": z.object({ number: text, title: text }),
  "plan.source_registered": z.object({ kind: SourceKindSchema, number: text, issuer: text }),
  "plan.reviewed": z.object({
    number: text,
    kind: ReviewKindSchema,
    year: count,
    sourceNumber: text.nullable(),
  }),

  /** The activity as created (empty title and notes stored as null). */
  "activity.created": CreateActivityBodySchema.extend({
    title: text.nullable(),
    notes: text.nullable(),
    tags: z.array(text),
  }),
  "activity.updated": z.object({
    before: ActivityChangesSchema,
    after: ActivityChangesSchema,
  }),
  "activity.deleted": z.object({
    // Rows written before activities had channels have none.
    before: ActivitySchema.extend({
      channels: ActivitySchema.shape.channels.optional(),
      organizerBodyIds: z.array(IdSchema),
    }),
  }),
  /** The trainees' names stay in the roster; the log keeps the level, the form and the count. */
  "activity.training_recorded": z.object({
    level: TrainingLevelSchema,
    form: TrainingFormSchema,
    trainees: count,
  }),
  "festival.created": z.object({
    year: count,
    level: FestivalLevelSchema,
    showcase: z.boolean(),
    planDate: IsoDateSchema.nullable(),
    venues: z.array(text),
    organizerBodyIds: z.array(IdSchema),
  }),
  /** The changed fields only, before and after. */
  "festival.updated": z.object({
    before: z.record(z.string(), z.unknown()),
    after: z.record(z.string(), z.unknown()),
  }),
  "festival.held_recorded": z.object({
    heldOn: IsoDateSchema,
    attendees: count,
    gifts: count,
    giftValue: count,
    awards: count,
    activityId: IdSchema.nullable(),
  }),

  "group.created": CreateGroupBodySchema,
  "group.updated": NotWritten,
  "group.status_changed": z.object({
    ...fromTo(GroupStatusSchema),
    date: IsoDateSchema,
    reason: text.nullable(),
  }),
  /** The member's name and birth date stay out of the log. */
  "group.member_added": z.object({
    memberId: IdSchema,
    joinedOn: IsoDateSchema,
    role: text.nullable(),
    disciplined: z.boolean(),
    ageException: z.object({ decisionNumber: text, decidedOn: IsoDateSchema }).nullable(),
  }),
  "group.member_left": z.object({ memberId: IdSchema, leftOn: IsoDateSchema }),
  "group.surveyed": RecordGroupSurveyBodySchema.extend({ surveyId: IdSchema }),
  "group.evaluated": z.object({
    evaluationId: IdSchema,
    evaluatedOn: IsoDateSchema,
    periodFrom: IsoDateSchema,
    periodTo: IsoDateSchema,
    rating: GroupRatingSchema,
    reasons: z.array(text),
  }),
  /** A grassroots team's yearly ratings (Hướng dẫn 01/HD-BCA-V05); `previous` is null the first time. */
  "group.year_rated": z.object({
    year: count,
    evaluatedOn: IsoDateSchema,
    team: z.object({ rating: TeamRatingSchema, previous: TeamRatingSchema.nullable() }).nullable(),
    members: z.array(
      z.object({ memberId: IdSchema, rating: TeamRatingSchema, previous: TeamRatingSchema.nullable() }),
    ),
  }),
  "group.equipment_installed": InstallEquipmentBodySchema.extend({ changeId: IdSchema }),
  "group.equipment_removed": RemoveEquipmentBodySchema.extend({ changeId: IdSchema }),
  "group.channel_added": z.object({
    channelId: IdSchema,
    platform: OnlinePlatformSchema,
    members: count,
    startedOn: IsoDateSchema,
  }),
  "group.channel_closed": z.object({ channelId: IdSchema, closedOn: IsoDateSchema }),

  "pilot.designated": DesignatePilotBodySchema.pick({
    orgUnitId: true,
    groupId: true,
    typeCode: true,
    decisionNumber: true,
    decisionOn: true,
  }),
  "pilot.evaluated": EvaluatePilotBodySchema.pick({ evaluatedOn: true, result: true }).extend({
    evaluationId: IdSchema,
  }),
  "pilot.replicated": RecordReplicationBodySchema.pick({
    orgUnitId: true,
    replicatedOn: true,
    groupId: true,
  }).extend({ replicationId: IdSchema }),

  /** No head's name, no address. */
  "household.created": z.object({
    members: count,
    memberOrgs: z.array(MemberOrgKindSchema),
    code: text.nullable(),
  }),
  /** Which fields changed, with the new values of those that are not personal. */
  "household.updated": z.object({
    fields: z.array(text),
    members: count.optional(),
    memberOrgs: z.array(MemberOrgKindSchema).optional(),
    code: text.nullable().optional(),
    movedOutOn: IsoDateSchema.nullable().optional(),
  }),
  "household.imported": z.object({ created: count }),
  /** A safe family recognised for a year (one event per household, also in an area's review). */
  "household.safe_family_recorded": z.object({
    householdId: IdSchema,
    year: count,
    decidedLevel: z.enum(["residential_area", "commune"]),
    decidedOn: IsoDateSchema,
    decisionNumber: text.nullable(),
  }),
  "household.safe_family_withdrawn": z.object({
    householdId: IdSchema,
    year: count,
    withdrawnOn: IsoDateSchema,
    reason: text,
  }),
  "commitment.recorded": z.object({
    householdId: IdSchema,
    year: count,
    signedOn: IsoDateSchema,
    formVersion: text,
  }),
  "commitment.scan_attached": z.object({
    year: count,
    type: UploadTypeSchema,
    bytes: count,
  }),
  /** entityType commitment_template. */
  "commitment_template.created": z.object({ name: text }),

  "certification.registered": RegisterCertificationBodySchema.extend({
    unitType: CertificationUnitTypeSchema,
  }),
  "certification.self_assessed": SelfAssessmentBodySchema.extend({
    ...fromTo(CertificationStatusSchema),
    figuresSource: text.nullable(),
  }),
  /** Counts only: the attendees' names and the minutes stay in the cycle. */
  "certification.reviewed": z.object({
    ...fromTo(CertificationStatusSchema),
    meetingDate: IsoDateSchema,
    attendees: count,
    votesFor: count,
    votesTotal: count,
  }),
  "certification.appraised": AppraiseBodySchema.extend(fromTo(CertificationStatusSchema)),
  "certification.decided": z.object({
    ...fromTo(CertificationStatusSchema),
    outcome: z.enum(["recognised", "not_recognised"]),
    decisionNumber: text,
    decisionDate: IsoDateSchema,
    late: z.boolean(),
    lateReason: text.nullable(),
  }),
  "certification.document_uploaded": z.object({
    kind: DossierKindSchema,
    type: UploadTypeSchema,
    bytes: count,
  }),
  "certification.classified": z.object({
    sheetCode: text,
    scores: z.record(z.string(), z.number()),
    total: z.number(),
    level: MovementLevelSchema,
  }),
  /** The event's description stays in the register. */
  "certification.event_recorded": z.object({
    kind: DisqualifyingEventKindSchema,
    occurredOn: IsoDateSchema,
    severity: EventSeveritySchema,
    forceMajeure: z.boolean(),
    reportedPromptly: z.boolean(),
    disciplineLevel: DisciplineLevelSchema.nullable().optional(),
  }),
  /** entityType certification_criteria_version: a province's new version (Circular 124/2021 Art. 8.1). */
  "certification.criteria_updated": z.object({
    provinceId: IdSchema,
    effectiveFrom: IsoDateSchema,
    basis: text,
    extraCriteria: z.array(z.object({ unitType: CertificationUnitTypeSchema, code: text, article: text })),
    authorities: z.array(
      z.object({
        unitType: CertificationUnitTypeSchema,
        recognisingAuthority: text,
        authorityVerified: z.boolean(),
      }),
    ),
  }),
  /** entityType certification_history: a past year's result at a (pre-reform) unit. */
  "certification.history_recorded": z.object({
    year: count,
    unitType: CertificationUnitTypeSchema,
    certified: z.boolean(),
    decisionNumber: text.nullable(),
    decisionDate: IsoDateSchema.nullable(),
    decisionAuthority: text.nullable(),
  }),
  /** Counts only; each row is in the history table. */
  "certification.history_imported": z.object({ created: count, certified: count, years: z.array(count) }),

  /** Cases: no personal data, only what happened and when. */
  "case.created": z.object({
    kind: CaseKindSchema,
    reportedInOn: IsoDateSchema,
    assignDueOn: IsoDateSchema,
    fileDueOn: IsoDateSchema,
  }),
  "case.assigned": z.object({
    assigneeBodyId: IdSchema,
    previousAssigneeBodyId: IdSchema.nullable(),
    decisionNumber: text,
    decidedOn: IsoDateSchema,
    onTime: z.boolean(),
    fileOpenedOn: IsoDateSchema.nullable(),
  }),
  "case.report_recorded": z.object({
    reportId: IdSchema,
    quarter: text,
    reportedOn: IsoDateSchema,
  }),
  "case.classified": z.object({
    quarter: text,
    group: CaseGroupSchema,
    classifiedOn: IsoDateSchema,
  }),
  "case.support_recorded": z.object({
    supportId: IdSchema,
    kind: SupportKindSchema,
    providedOn: IsoDateSchema,
    provider: text,
  }),
  /** Help instances, referrals and sessions before the community: dates and kinds, never names. */
  "case.help_recorded": z.object({
    instanceId: IdSchema,
    kind: HelpKindSchema,
    receivedOn: IsoDateSchema,
    helper: text,
  }),
  "case.help_outcome_recorded": z.object({
    instanceId: IdSchema,
    outcome: z.enum(["reformed", "relapsed"]),
    outcomeOn: IsoDateSchema,
  }),
  "case.referral_recorded": z.object({
    referralId: IdSchema,
    mode: RehabModeSchema,
    referredOn: IsoDateSchema,
    facility: text,
  }),
  "case.referral_outcome_recorded": z.object({
    referralId: IdSchema,
    outcome: z.enum(["admitted", "completed", "absconded", "not_admitted"]),
    outcomeOn: IsoDateSchema,
  }),
  "case.community_session_recorded": z.object({
    sessionId: IdSchema,
    heldOn: IsoDateSchema,
    presidedBy: text,
  }),
  "case.closed": z.object({
    outcome: CaseOutcomeSchema,
    closedOn: IsoDateSchema,
    decisionNumber: text.nullable(),
  }),
  /** A move: the communes and the clocks, never the reason (sealed in the file). */
  "case.transferred": z.object({
    transferId: IdSchema,
    fromCommuneId: IdSchema,
    toCommuneId: IdSchema,
    movedOn: IsoDateSchema,
    transferredOn: IsoDateSchema,
    receiveDueOn: IsoDateSchema,
    residenceCheckDueOn: IsoDateSchema,
    previousAssigneeBodyId: IdSchema.nullable(),
  }),
  "case.transfer_received": z.object({
    transferId: IdSchema,
    orgUnitId: IdSchema,
    receivedOn: IsoDateSchema,
    residenceCheckedOn: IsoDateSchema,
    onTime: z.boolean(),
    assignDueOn: IsoDateSchema,
  }),
  "case.read": CaseAccessSchema,
  "case.listed": CaseAccessSchema,
  "case.exported": CaseAccessSchema,

  "hotspot.designated": DesignateHotspotBodySchema,
  "hotspot.status_changed": z.object({
    ...fromTo(HotspotStatusSchema),
    date: IsoDateSchema,
    reason: text,
  }),
  "hotspot.evidence_recorded": RecordHotspotEvidenceBodySchema.extend({
    evidenceId: IdSchema,
  }),

  /** Front supervision: the plan's frame; members' names and the texts stay in the record. */
  "supervision.created": z.object({
    title: text,
    subjectKind: SupervisionSubjectSchema,
    form: SupervisionFormSchema,
    periodFrom: IsoDateSchema,
    periodTo: IsoDateSchema,
    decisionNumber: text.nullable(),
    members: count,
  }),
  "supervision.finding_recorded": z.object({ findingId: IdSchema, foundOn: IsoDateSchema }),
  "supervision.recommendation_added": z.object({
    recommendationId: IdSchema,
    addresseeBodyId: IdSchema.nullable(),
    madeOn: IsoDateSchema,
    dueOn: IsoDateSchema,
  }),
  "supervision.response_recorded": z.object({
    recommendationId: IdSchema,
    respondedOn: IsoDateSchema,
    late: z.boolean(),
  }),
  "supervision.closed": z.object({
    closedOn: IsoDateSchema,
    result: SupervisionResultSchema,
    unanswered: count,
  }),

  /** Members' names stay in the committee's record. */
  "committee.created": CreateSteeringCommitteeBodySchema.pick({
    decisionKind: true,
    decisionNumber: true,
    decisionOn: true,
  }).extend({ members: z.number().int() }),
  "committee.member_added": z.object({
    memberId: IdSchema,
    role: CommitteeRoleSchema,
    joinedOn: IsoDateSchema,
  }),
  "committee.member_removed": z.object({ memberId: IdSchema, leftOn: IsoDateSchema }),
  "committee.meeting_recorded": z.object({
    meetingId: IdSchema,
    heldOn: IsoDateSchema,
    kind: CommitteeMeetingKindSchema,
    attendees: z.number().int(),
  }),
  "committee.assignment_created": z.object({
    assignmentId: IdSchema,
    responsibleMemberId: IdSchema,
    dueOn: IsoDateSchema.nullable(),
  }),
  "committee.assignment_done": z.object({ assignmentId: IdSchema, doneOn: IsoDateSchema }),

  /** The nominee's name and achievements stay in the file. */
  "commendation.nominated": z.object({
    nomineeKind: NomineeKindSchema,
    nominatedOn: IsoDateSchema,
    evidence: z.array(EvidenceLinkSchema),
  }),
  "commendation.endorsed": EndorseCommendationBodySchema.extend({
    byUnitId: IdSchema,
  }),
  "commendation.decided": DecideCommendationBodySchema,
  "commendation.consent_recorded": RecordConsentBodySchema.pick({
    given: true,
    on: true,
    method: true,
  }),
  "commendation.published": z.object({ published: z.boolean() }),

  "report.created": z.object({
    template: z.enum(REPORT_TEMPLATES),
    periodFrom: IsoDateSchema,
    periodTo: IsoDateSchema,
    symbol: text,
  }),
  "report.updated": z.object({ fields: z.array(text) }),
  /** Gathered from the level below: the approved reports used, the units without one. */
  "report.compiled": z.object({ children: count, missing: count }),
  "report.submitted": ReportMoveSchema,
  "report.returned": ReportMoveSchema,
  "report.approved": ReportMoveSchema,
  "period.unlocked": z.object({
    reason: text,
    periodFrom: IsoDateSchema,
    periodTo: IsoDateSchema,
    locks: z.array(IdSchema),
  }),

  /** Tips: the receipt code and what the police did, never the tip's content or the messages. */
  "tip.triaged": z.object({
    ...TipCode,
    urgency: TipUrgencySchema,
    duplicateOfCode: text.nullable(),
  }),
  "tip.message_sent": z.object({ ...TipCode, n: count }),
  "tip.outcome_recorded": z.object({
    ...TipCode,
    from: TipStatusSchema,
    outcome: TipOutcomeSchema,
    /** The Code's ground (CPC Art. 157 / 148.1); absent on events recorded before it was kept. */
    ground: TipGroundSchema.nullable().optional(),
    casesSolved: count,
    arrests: count,
    peopleHandled: count,
  }),
  "tip.extended": z.object({
    ...TipCode,
    level: z.union([z.literal(1), z.literal(2)]),
  }),
  /** A resumption decision (CPC Art. 149.1): the handling goes on for at most 1 month. */
  "tip.resumed": z.object({ ...TipCode, ground: TipGroundSchema.nullable() }),
  /** A notice about a decision sent to the procuracy or the reporter (CPC Art. 148.2, 149.2; JC 01/2017 Art. 14). */
  "tip.notice_recorded": z.object({
    ...TipCode,
    kind: RecordTipNoticeBodySchema.shape.kind,
    recipient: RecordTipNoticeBodySchema.shape.recipient,
    channel: RecordTipNoticeBodySchema.shape.channel,
    sentAt: text,
  }),
  "tip.content_read": z.object(TipCode),
  /** A report recorded by staff (CPC Art. 146): how it came and where it went, never who or what. */
  "tip.intake_recorded": z.object({
    ...TipCode,
    channel: IntakeChannelSchema,
    anonymous: z.boolean(),
    signedRecord: z.boolean(),
  }),
  /** A commune put on (or taken off) the remote list (JC 01/2017 Art. 8.5), with the decision's reference. */
  "remote_commune.set": z.object({
    basisNumber: text,
    basisDate: IsoDateSchema,
    basisText: text,
    previous: z.object({ basisNumber: text, basisDate: IsoDateSchema }).nullable(),
  }),
  "remote_commune.unset": z.object({ basisNumber: text, basisDate: IsoDateSchema }),
  /** The status move; the answer itself is sealed in the item. */
  "feedback.answered": z.object({
    code: text,
    ...fromTo(FeedbackStatusSchema),
  }),
  /** The acceptance notice (Law on Citizen Reception Art. 28); the reason stays in the item. */
  "feedback.acceptance_recorded": z.object({
    code: text,
    decision: FeedbackAcceptanceDecisionSchema,
    noticedOn: IsoDateSchema,
    channel: FeedbackNoticeChannelSchema,
  }),

  /** The holidays table: the day as it is after the change (before: null when new). */
  "calendar.holiday_upserted": z.object({
    date: IsoDateSchema,
    kind: CalendarDayKindSchema,
    name: text,
    confidence: CalendarConfidenceSchema,
    source: text.nullable(),
    before: z
      .object({ kind: CalendarDayKindSchema, name: text, confidence: CalendarConfidenceSchema })
      .nullable(),
  }),
  "calendar.holiday_deleted": z.object({
    date: IsoDateSchema,
    kind: CalendarDayKindSchema,
    name: text,
    reason: text,
  }),

  "news.created": z.object({
    slug: text,
    kind: NewsKindSchema,
    title: text,
    image: z.boolean(),
  }),
} as const satisfies Record<AuditAction, z.ZodType>;

/** The data stored with each action. */
export type AuditEventDataMap = {
  [A in AuditAction]: z.output<(typeof AUDIT_EVENT_DATA)[A]>;
};
export type AuditEventData<A extends AuditAction = AuditAction> = AuditEventDataMap[A];

// ---------- guard: nothing personal in the log ----------

/** Keys that would carry a citizen's identity, whereabouts or words, or where a request came from. */
type PersonalKey =
  | "address"
  | "headName"
  | "fullName"
  | "dateOfBirth"
  | "birthDate"
  | "identityNumber"
  | "phone"
  | "email"
  | "contact"
  | "ip"
  | "userAgent";
/** On tips and feedback, also their content. */
type CitizenContentKey = "description" | "place" | "body" | "answer" | "note" | "text" | "message";
/** The named keys of each member of T (an index signature, as in NoData, names none). */
type KeysOf<T> = T extends unknown ? keyof { [K in keyof T as string extends K ? never : K]: T[K] } : never;
type Offending = {
  [A in AuditAction]: KeysOf<AuditEventDataMap[A]> &
    (PersonalKey | (A extends `tip.${string}` | `feedback.${string}` ? CitizenContentKey : never));
}[AuditAction];
/** Fails to compile when an action's data names a personal key (the type shows which). */
export const AUDIT_DATA_HAS_NO_PERSONAL_KEYS: [Offending] extends [never] ? true : Offending = true;

// ---------- the stored event, typed ----------

/** Fields of a stored event as the API returns it (see AuditEventSchema), data typed per action. */
type AuditEventBase = {
  id: number;
  occurredAt: string;
  actorId: string | null;
  actorUsername: string | null;
  entityType: string;
  entityId: string | null;
  orgUnitId: string | null;
};
export type TypedAuditEvent<A extends AuditAction = AuditAction> = {
  [K in A]: AuditEventBase & { action: K; data: AuditEventDataMap[K] };
}[A];

/** The event with its data parsed by its action's schema, or null when the stored data does not fit. */
export function parseAuditEvent(
  event: AuditEventBase & { action: AuditAction; data: unknown },
): TypedAuditEvent | null {
  const parsed = AUDIT_EVENT_DATA[event.action].safeParse(event.data);
  return parsed.success ? ({ ...event, data: parsed.data } as TypedAuditEvent) : null;
}
