import {
  regimeOf,
  type CaseDetail,
  type CaseGroup,
  type CaseKind,
  type CaseOutcome,
  type CaseSummary,
  type OffenceCategory,
} from "@toandan/contracts";
import { aad, type CaseCrypto } from "./cases.crypto";
import { deadline, nextQuarterReportDue } from "./cases.deadlines";
import { caseAbilities, type AccessBasis } from "./cases.policy";
import { closeOutcomesFor, nextMonthReportDue } from "./cases.regimes";
import type { Actor } from "../../kernel/authz";
import type { CaseRow } from "./cases.queries";

const buf = (v: Uint8Array) => Buffer.from(v);

export function presentCaseSummary(r: CaseRow, crypto: CaseCrypto, today: string): CaseSummary {
  const open = r.status === "reported_in" || r.status === "assigned";
  const kind = r.kind as CaseKind;
  const monthly = kind === "commune_education";
  const reported = r.reportedQuarters ?? [];
  const periodDue =
    !open || !r.decidedOn
      ? null
      : monthly
        ? nextMonthReportDue(r.decidedOn, reported, r.measureEndsOn)
        : nextQuarterReportDue(r.decidedOn, reported);
  const quarterDue = periodDue;
  return {
    id: r.id,
    kind: r.kind as CaseKind,
    orgUnitId: r.orgUnitId,
    orgUnitName: r.orgUnitName,
    communeId: r.communeId,
    fullName: crypto.envelope.openText(buf(r.fullNameSealed), aad(r.id, "full_name")),
    reportedInOn: r.reportedInOn,
    status: r.status as CaseSummary["status"],
    assigneeBodyName: r.assigneeBodyName,
    latestGroup: r.latestGroup as CaseGroup | null,
    assignDeadline: deadline(r.assignDueOn, r.decidedOn, today),
    fileDeadline: deadline(r.fileDueOn, r.fileOpenedOn, today),
    nextQuarterReportDueOn: quarterDue,
    quarterReportDeadline: quarterDue ? deadline(quarterDue, null, today) : null,
    outcome: r.outcome as CaseOutcome | null,
    regime: regimeOf(kind),
    reportCadence: monthly ? "monthly" : "quarterly",
    measure:
      r.measureMonths !== null && r.measureEndsOn && r.earlyEndFrom
        ? { months: r.measureMonths, endsOn: r.measureEndsOn, earlyEndFrom: r.earlyEndFrom }
        : null,
    pendingTransfer:
      r.pendingTransferId && r.pendingTransferredOn
        ? {
            fromCommuneName: r.pendingFromCommuneName ?? "",
            transferredOn: r.pendingTransferredOn,
            receiveDeadline: deadline(r.pendingReceiveDueOn!, null, today),
            residenceCheckDeadline: deadline(r.pendingResidenceCheckDueOn!, null, today),
          }
        : null,
  };
}

export type CaseChildren = Pick<
  CaseDetail,
  | "reports"
  | "classifications"
  | "supports"
  | "transfers"
  | "helpInstances"
  | "referrals"
  | "communitySessions"
>;

export function presentCaseDetail(
  r: CaseRow,
  children: CaseChildren,
  basis: AccessBasis,
  crypto: CaseCrypto,
  today: string,
  actor: Actor,
): CaseDetail {
  const open = (v: Uint8Array, field: string) => crypto.envelope.openText(buf(v), aad(r.id, field));
  return {
    ...presentCaseSummary(r, crypto, today),
    dateOfBirth: open(r.dateOfBirthSealed, "date_of_birth"),
    identityNumber: open(r.identitySealed, "identity"),
    offenceCategory: open(r.offenceCategorySealed, "offence_category") as OffenceCategory,
    offence: open(r.offenceSealed, "offence"),
    releaseOrDecisionDate: r.releaseOrDecisionDate,
    notes: r.notesSealed ? open(r.notesSealed, "notes") : null,
    assigneeBodyId: r.assigneeBodyId,
    mentorName: r.mentorNameSealed ? open(r.mentorNameSealed, "mentor_name") : null,
    decisionNumber: r.decisionNumber,
    decidedOn: r.decidedOn,
    fileOpenedOn: r.fileOpenedOn,
    closedOn: r.closedOn,
    ...children,
    accessBasis: basis,
    can: caseAbilities(actor, basis, r),
    closeOutcomes: r.status === "closed" ? [] : closeOutcomesFor(r.kind as CaseKind),
  };
}
