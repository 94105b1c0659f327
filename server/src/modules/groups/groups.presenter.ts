import type { Group, GroupCategory, GroupMember, GroupStatus, StaleGroup } from "@toandan/contracts";
import type { GroupDbRow, MemberDbRow } from "./groups.queries";
import { openMember, type RosterCrypto } from "./groups.crypto";
import type { StaleGroupDbRow } from "./groups.stats";

export function presentGroup(r: GroupDbRow): Group {
  return {
    id: r.id,
    orgUnitId: r.orgUnitId,
    orgUnitName: r.orgUnitName,
    typeCode: r.typeCode,
    typeName: r.typeName,
    category: r.category as GroupCategory,
    name: r.name,
    foundedOn: r.foundedOn,
    status: r.status as GroupStatus,
    dissolvedOn: r.dissolvedOn,
    replicatedFromId: r.replicatedFromId,
    managingBodyId: r.managingBodyId,
    notes: r.notes,
    createdAt: new Date(r.createdAt).toISOString(),
  };
}

export function presentStaleGroup(r: StaleGroupDbRow): StaleGroup {
  return { ...presentGroup(r), lastEvaluatedOn: r.lastEvaluatedOn, lastActivityOn: r.lastActivityOn };
}

/** A roster row with its identity opened (the caller has checked the reader's scope). */
export function presentMember(c: RosterCrypto, r: MemberDbRow): GroupMember {
  const identity = openMember(c, r);
  return {
    id: r.id,
    groupId: r.groupId,
    fullName: identity.fullName,
    birthDate: r.birthDate,
    role: r.role,
    joinedOn: r.joinedOn,
    leftOn: r.leftOn,
    disciplined: r.disciplined,
    ageException:
      r.ageExceptionDecision && r.ageExceptionDecidedOn
        ? { decisionNumber: r.ageExceptionDecision, decidedOn: r.ageExceptionDecidedOn }
        : null,
    ethnicity: identity.ethnicity,
    religion: identity.religion,
    notes: identity.notes,
    deidentified: r.deidentifiedAt !== null,
    version: r.version,
  };
}
