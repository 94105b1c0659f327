// Audit data schemas (see ../audit-data.ts): cases (no personal data, only what happened and when) and hotspots.
import { z } from "zod";
import { IdSchema, IsoDateSchema } from "../../common";
import type { AuditAction } from "../audit";
import {
  CaseGroupSchema,
  CaseKindSchema,
  CaseOutcomeSchema,
  HelpKindSchema,
  RehabModeSchema,
  SupportKindSchema,
} from "../cases";
import {
  DesignateHotspotBodySchema,
  HotspotStatusSchema,
  RecordHotspotEvidenceBodySchema,
} from "../hotspots";
import { text, fromTo } from "./shared";

const CaseAccessSchema = z.object({
  basis: z.enum(["case_officer", "commune_police", "assignee", "export"]),
  reason: text,
  caseIds: z.array(IdSchema),
});

export const AUDIT_DATA_CASES = {
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
} as const satisfies Partial<Record<AuditAction, z.ZodType>>;
