// Audit data schemas (see ../audit-data.ts): tips, feedback and the remote communes of the tip rules.
import { z } from "zod";
import { IsoDateSchema } from "../../common";
import type { AuditAction } from "../audit";
import {
  FeedbackAcceptanceDecisionSchema,
  FeedbackNoticeChannelSchema,
  FeedbackStatusSchema,
} from "../feedback";
import {
  IntakeChannelSchema,
  RecordTipNoticeBodySchema,
  TipGroundSchema,
  TipOutcomeSchema,
  TipStatusSchema,
  TipUrgencySchema,
} from "../tips";
import { count, text, fromTo } from "./shared";

const TipCode = { code: text };

export const AUDIT_DATA_CITIZENS = {
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
} as const satisfies Partial<Record<AuditAction, z.ZodType>>;
