// Request and response schemas of the committees module: the steering committees (Ban Chỉ đạo phòng,
// chống tội phạm, tệ nạn xã hội và xây dựng phong trào Toàn dân bảo vệ ANTQ) of a commune or province,
// established or consolidated ("kiện toàn") by a decision, their members, meetings and assignments.
import { z } from "zod";
import { IdSchema, IsoDateSchema, PageQuerySchema, pageWithAbilitiesOf } from "../common";
import { DocumentNumberSchema } from "./plans";

/** A committee is established (thành lập) or consolidated (kiện toàn) by a decision. */
export const COMMITTEE_DECISION_KINDS = ["established", "consolidated"] as const;
export const CommitteeDecisionKindSchema = z.enum(COMMITTEE_DECISION_KINDS);

/** Trưởng ban, phó trưởng ban, ủy viên. */
export const COMMITTEE_ROLES = ["head", "deputy", "member"] as const;
export const CommitteeRoleSchema = z.enum(COMMITTEE_ROLES);
export type CommitteeRole = z.infer<typeof CommitteeRoleSchema>;

/** Định kỳ, đột xuất, sơ kết, tổng kết. */
export const COMMITTEE_MEETING_KINDS = [
  "regular",
  "extraordinary",
  "interim_review",
  "final_review",
] as const;
export const CommitteeMeetingKindSchema = z.enum(COMMITTEE_MEETING_KINDS);

const text = (max: number) => z.string().trim().max(max);

export const CommitteeMemberInputSchema = z.object({
  fullName: text(200).min(1, "Chưa nhập họ tên"),
  position: text(200).min(1, "Chưa nhập chức vụ"),
  organisation: text(200).min(1, "Chưa nhập cơ quan, đơn vị"),
  role: CommitteeRoleSchema,
  area: text(500).optional(),
  joinedOn: IsoDateSchema,
});
export type CommitteeMemberInput = z.infer<typeof CommitteeMemberInputSchema>;

export const CreateSteeringCommitteeBodySchema = z.object({
  orgUnitId: IdSchema,
  name: text(300).min(1, "Chưa nhập tên Ban Chỉ đạo"),
  decisionKind: CommitteeDecisionKindSchema,
  /** The decision's number as written after "Số" (12/QĐ-UBND). */
  decisionNumber: DocumentNumberSchema,
  decisionOn: IsoDateSchema,
  decisionIssuer: text(200).min(1, "Chưa nhập cơ quan ban hành"),
  /** The head and deputies (and members) named in the decision. */
  members: z.array(CommitteeMemberInputSchema).max(100).default([]),
});
export type CreateSteeringCommitteeBody = z.infer<typeof CreateSteeringCommitteeBodySchema>;

export const AddCommitteeMemberBodySchema = CommitteeMemberInputSchema;
export type AddCommitteeMemberBody = z.infer<typeof AddCommitteeMemberBodySchema>;

export const RemoveCommitteeMemberBodySchema = z.object({
  leftOn: IsoDateSchema,
  reason: text(500).min(1, "Chưa nhập lý do"),
});
export type RemoveCommitteeMemberBody = z.infer<typeof RemoveCommitteeMemberBodySchema>;

export const RecordCommitteeMeetingBodySchema = z.object({
  heldOn: IsoDateSchema,
  kind: CommitteeMeetingKindSchema,
  attendeeIds: z.array(IdSchema).max(100).default([]),
  agenda: text(4000).min(1, "Chưa nhập nội dung cuộc họp"),
  conclusions: text(8000).optional(),
});
export type RecordCommitteeMeetingBody = z.infer<typeof RecordCommitteeMeetingBodySchema>;

export const CreateCommitteeAssignmentBodySchema = z.object({
  title: text(1000).min(1, "Chưa nhập nội dung phân công"),
  responsibleMemberId: IdSchema,
  dueOn: IsoDateSchema.optional(),
  meetingId: IdSchema.optional(),
});
export type CreateCommitteeAssignmentBody = z.infer<typeof CreateCommitteeAssignmentBodySchema>;

export const CompleteCommitteeAssignmentBodySchema = z.object({ doneOn: IsoDateSchema });
export type CompleteCommitteeAssignmentBody = z.infer<typeof CompleteCommitteeAssignmentBodySchema>;

export const SteeringCommitteeSchema = z.object({
  id: IdSchema,
  orgUnitId: IdSchema,
  orgUnitName: z.string(),
  name: z.string(),
  decisionKind: CommitteeDecisionKindSchema,
  decisionNumber: z.string(),
  decisionOn: IsoDateSchema,
  decisionIssuer: z.string(),
  /** Members who have not left. */
  activeMembers: z.number().int(),
});
export type SteeringCommittee = z.infer<typeof SteeringCommitteeSchema>;
/** A page of committees, with whether the caller may create one (committee.manage somewhere). */
export const SteeringCommitteePageSchema = pageWithAbilitiesOf(SteeringCommitteeSchema);

export const CommitteeAbilitiesSchema = z.object({
  /** Add or remove members, record meetings, assign and close tasks: committee.manage over its unit. */
  manage: z.boolean(),
});
export type CommitteeAbilities = z.infer<typeof CommitteeAbilitiesSchema>;

export const CommitteeMemberSchema = CommitteeMemberInputSchema.extend({
  id: IdSchema,
  area: z.string().nullable(),
  leftOn: IsoDateSchema.nullable(),
  leftReason: z.string().nullable(),
});
export type CommitteeMember = z.infer<typeof CommitteeMemberSchema>;

export const CommitteeMeetingSchema = z.object({
  id: IdSchema,
  heldOn: IsoDateSchema,
  kind: CommitteeMeetingKindSchema,
  attendeeIds: z.array(IdSchema),
  agenda: z.string(),
  conclusions: z.string().nullable(),
});
export type CommitteeMeeting = z.infer<typeof CommitteeMeetingSchema>;

export const CommitteeAssignmentSchema = z.object({
  id: IdSchema,
  title: z.string(),
  responsibleMemberId: IdSchema,
  responsibleMemberName: z.string(),
  dueOn: IsoDateSchema.nullable(),
  meetingId: IdSchema.nullable(),
  doneOn: IsoDateSchema.nullable(),
});
export type CommitteeAssignment = z.infer<typeof CommitteeAssignmentSchema>;

export const SteeringCommitteeDetailSchema = SteeringCommitteeSchema.extend({
  can: CommitteeAbilitiesSchema,
  members: z.array(CommitteeMemberSchema),
  meetings: z.array(CommitteeMeetingSchema),
  assignments: z.array(CommitteeAssignmentSchema),
});
export type SteeringCommitteeDetail = z.infer<typeof SteeringCommitteeDetailSchema>;

export const ListSteeringCommitteesQuerySchema = PageQuerySchema;

export const CommitteeTotalsQuerySchema = z.object({
  /** The subtree to count (default: the caller's own units). */
  orgUnitId: IdSchema.optional(),
  /** Count committees decided and members serving on this date (default: today). */
  on: IsoDateSchema.optional(),
});
export type CommitteeTotalsQuery = z.infer<typeof CommitteeTotalsQuerySchema>;

export const CommitteeTotalsSchema = z.object({
  on: IsoDateSchema,
  committees: z.number().int(),
  /** Committees whose latest decision is a consolidation (kiện toàn). */
  consolidated: z.number().int(),
  members: z.number().int(),
  byUnit: z.array(
    z.object({
      orgUnitId: IdSchema,
      orgUnitName: z.string(),
      committees: z.number().int(),
      members: z.number().int(),
    }),
  ),
});
export type CommitteeTotals = z.infer<typeof CommitteeTotalsSchema>;
