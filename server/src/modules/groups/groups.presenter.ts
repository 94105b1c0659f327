import type { Group, GroupCategory, GroupMember, GroupStatus, StaleGroup } from "@toandan/contracts";
import type { GroupDbRow, MemberDbRow } from "./groups.queries";
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

export function presentMember(r: MemberDbRow): GroupMember {
  const { ageExceptionDecision, ageExceptionDecidedOn, ...rest } = r;
  return {
    ...rest,
    ageException:
      ageExceptionDecision && ageExceptionDecidedOn
        ? { decisionNumber: ageExceptionDecision, decidedOn: ageExceptionDecidedOn }
        : null,
  };
}
