import type {
  CaseDetail,
  CaseGroup,
  CaseKind,
  CaseOutcome,
  CaseSummary,
  OffenceCategory,
} from "@toandan/contracts";
import { aad, type CaseCrypto } from "./cases.crypto";
import { deadline, nextQuarterReportDue } from "./cases.deadlines";
import type { AccessBasis } from "./cases.policy";
import type { CaseRow } from "./cases.queries";

const buf = (v: Uint8Array) => Buffer.from(v);

export function presentCaseSummary(r: CaseRow, crypto: CaseCrypto, today: string): CaseSummary {
  const open = r.status !== "closed";
  const quarterDue = open && r.decidedOn ? nextQuarterReportDue(r.decidedOn, r.reportedQuarters ?? []) : null;
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
  };
}

export type CaseChildren = Pick<CaseDetail, "reports" | "classifications" | "supports">;

export function presentCaseDetail(
  r: CaseRow,
  children: CaseChildren,
  basis: AccessBasis,
  crypto: CaseCrypto,
  today: string,
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
  };
}
