import type { Commitment, Household, MemberOrgKind } from "@toandan/contracts";
import type { CommitmentDbRow, HouseholdDbRow } from "./households.queries";

const iso = (v: Date | string) => new Date(v).toISOString();

export function presentHousehold(row: HouseholdDbRow): Household {
  return {
    id: row.id,
    orgUnitId: row.orgUnitId,
    orgUnitName: row.orgUnitName,
    code: row.code,
    headName: row.headName,
    address: row.address,
    members: Number(row.members),
    memberOrgs: row.memberOrgs as MemberOrgKind[],
    movedOutOn: row.movedOutOn,
    lastSignedYear: row.lastSignedYear === null ? null : Number(row.lastSignedYear),
    createdAt: iso(row.createdAt),
    version: Number(row.version),
  };
}

export function presentCommitment(row: CommitmentDbRow): Commitment {
  return {
    id: row.id,
    householdId: row.householdId,
    year: Number(row.year),
    signedOn: row.signedOn,
    formVersion: row.formVersion,
    hasScan: row.scanPath !== null,
    createdAt: iso(row.createdAt),
    version: Number(row.version),
  };
}
