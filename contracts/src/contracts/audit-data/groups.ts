// Audit data schemas (see ../audit-data.ts): groups and their pilots, steering committees, Front supervision and commendations.
import { z } from "zod";
import { IdSchema, IsoDateSchema } from "../../common";
import type { AuditAction } from "../audit";
import { TeamRatingSchema } from "../team-evaluations";
import {
  DecideCommendationBodySchema,
  EndorseCommendationBodySchema,
  EvidenceLinkSchema,
  NomineeKindSchema,
  RecordConsentBodySchema,
} from "../commendations";
import {
  CommitteeMeetingKindSchema,
  CommitteeRoleSchema,
  CreateSteeringCommitteeBodySchema,
} from "../committees";
import {
  CreateGroupBodySchema,
  GroupRatingSchema,
  GroupStatusSchema,
  RecordGroupSurveyBodySchema,
} from "../groups";
import {
  InstallEquipmentBodySchema,
  OnlinePlatformSchema,
  RemoveEquipmentBodySchema,
} from "../group-equipment";
import { DesignatePilotBodySchema, EvaluatePilotBodySchema, RecordReplicationBodySchema } from "../pilots";
import { SupervisionFormSchema, SupervisionResultSchema, SupervisionSubjectSchema } from "../supervision";
import { NotWritten, count, text, fromTo } from "./shared";

export const AUDIT_DATA_GROUPS = {
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
  /** A duty log entry: the members by roster id only, never their names. */
  "group.duty_logged": z.object({
    logId: IdSchema,
    date: IsoDateSchema,
    memberIds: z.array(IdSchema),
    incidents: count,
    incidentNote: text.nullable(),
    notes: text.nullable(),
  }),
  /** The changed fields' before and after images. */
  "group.duty_log_updated": z.object({
    logId: IdSchema,
    before: z.record(z.string(), z.unknown()),
    after: z.record(z.string(), z.unknown()),
  }),

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
} as const satisfies Partial<Record<AuditAction, z.ZodType>>;
