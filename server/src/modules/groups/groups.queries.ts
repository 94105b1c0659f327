import type { ListGroupMembersQuery, ListGroupsQuery, Permission } from "@toandan/contracts";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { pathInScope, type Actor } from "../../kernel/authz";
import { notFound } from "../../kernel/errors";
import { naturalOrder } from "../../kernel/natural-order";
import { notRestricted, refuseRestricted } from "../citizen";
import { loadUnit, provinceOf, recordsOfUnit } from "../org-units";

export type GroupDbRow = {
  id: string;
  orgUnitId: string;
  orgUnitName: string;
  typeCode: string;
  typeName: string;
  category: string;
  name: string;
  foundedOn: string;
  status: string;
  dissolvedOn: string | null;
  replicatedFromId: string | null;
  managingBodyId: string | null;
  notes: string | null;
  createdAt: string | Date;
  rollupPath: string;
  provinceId: string | null;
};

export const SELECT_GROUP = sql`select g.id, g.org_unit_id as "orgUnitId", u.full_name as "orgUnitName",
    g.type_code as "typeCode", t.name_vi as "typeName", t.category, g.name,
    g.founded_on::text as "foundedOn", g.status, g.dissolved_on::text as "dissolvedOn",
    g.replicated_from_id as "replicatedFromId", g.managing_body_id as "managingBodyId", g.notes,
    g.created_at as "createdAt", g.rollup_path as "rollupPath", g.province_id as "provinceId"
  from groups g join group_types t on t.code = g.type_code join org_units u on u.id = g.org_unit_id`;

/** A group whose unit lies in the actor's scope for `permission`, or 404. */
export async function getVisibleGroup(
  db: Db,
  actor: Actor,
  id: string,
  permission: Permission = "group.read",
): Promise<GroupDbRow> {
  const [row] = await queryRows<GroupDbRow>(
    db,
    sql`${SELECT_GROUP} where g.id = ${id} and ${pathInScope(actor, permission, sql`g.rollup_path`)}`,
  );
  if (!row) throw notFound();
  return row;
}

export type UnitForRecord = { id: string; path: string; rollupPath: string; provinceId: string | null };

/**
 * A unit visible to the actor for `permission` (404 otherwise) with the rollup path and province
 * that records made at it carry.
 */
export async function unitForRecord(
  db: Db,
  actor: Actor,
  unitId: string,
  permission: Permission,
): Promise<UnitForRecord> {
  const unit = await loadUnit(db, actor, unitId, { permission });
  // The province its records are stored under is the rollup path's (today's), as every record's.
  const provinceId = provinceOf(unit.rollupPath);
  return { id: unit.id, path: unit.path, rollupPath: unit.rollupPath, provinceId };
}

/** A unit's own path and the rollup path its records count in (equal for a current unit). */
export type UnitPaths = { path: string; rollupPath: string };

/** The groups of a unit's subtree (a pre-reform unit: those set up in its old subtree). */
export const groupsOfUnit = (unit: UnitPaths) =>
  recordsOfUnit(unit, { rollupPath: sql`g.rollup_path`, orgUnitId: sql`g.org_unit_id` });

/** Groups in the actor's scope (and in `unit`'s subtree when given); `limit + 1` rows. */
export async function listGroups(
  db: Db,
  actor: Actor,
  q: ListGroupsQuery,
  unit: UnitPaths | undefined,
  offset: number,
): Promise<GroupDbRow[]> {
  const where: SQL[] = [pathInScope(actor, "group.read", sql`g.rollup_path`)];
  if (unit) where.push(groupsOfUnit(unit));
  if (q.typeCode) where.push(sql`g.type_code = ${q.typeCode}`);
  if (q.status) where.push(sql`g.status = ${q.status}`);
  if (q.category) where.push(sql`t.category = ${q.category}`);
  return queryRows<GroupDbRow>(
    db,
    sql`${SELECT_GROUP} where ${sql.join(where, sql` and `)}
        order by ${naturalOrder(sql`g.name`)}, g.id limit ${q.limit + 1} offset ${offset}`,
  );
}

type SurveyRow = {
  id: string;
  surveyedOn: string;
  crimes: number;
  drugUsers: number;
  gangs: number;
  socialEvils: number;
  notes: string | null;
};
type EvaluationRow = {
  id: string;
  evaluatedOn: string;
  periodFrom: string;
  periodTo: string;
  rating: string;
  reasons: string[];
};

const SELECT_SURVEY = sql`select id, surveyed_on::text as "surveyedOn", crimes, drug_users as "drugUsers",
  gangs, social_evils as "socialEvils", notes from group_surveys`;

/** The parts of a group's detail page beyond the row itself. */
export async function groupExtras(db: Db, actor: Actor, group: GroupDbRow, today: string) {
  const [counts] = await queryRows<{ members: string | number; replicas: string | number }>(
    db,
    sql`select
      (select count(*) from group_members m where m.group_id = ${group.id}
         and m.joined_on <= ${today}::date and (m.left_on is null or m.left_on > ${today}::date)) as members,
      (select count(*) from groups r where r.replicated_from_id = ${group.id}
         and ${pathInScope(actor, "group.read", sql`r.rollup_path`)}) as replicas`,
  );
  const [evaluation] = await queryRows<EvaluationRow>(
    db,
    sql`select id, evaluated_on::text as "evaluatedOn", period_from::text as "periodFrom",
          period_to::text as "periodTo", rating, reasons
        from group_evaluations where group_id = ${group.id}
        order by evaluated_on desc, period_to desc, id limit 1`,
  );
  const [baseline] = await queryRows<SurveyRow>(
    db,
    sql`${SELECT_SURVEY} where group_id = ${group.id} order by surveyed_on, id limit 1`,
  );
  const [latest] = await queryRows<SurveyRow>(
    db,
    sql`${SELECT_SURVEY} where group_id = ${group.id} order by surveyed_on desc, id desc limit 1`,
  );
  return {
    currentMembers: Number(counts?.members ?? 0),
    replicaCount: Number(counts?.replicas ?? 0),
    latestEvaluation: evaluation ?? null,
    baselineSurvey: baseline ?? null,
    latestSurvey: latest ?? null,
  };
}

export type MemberDbRow = {
  id: string;
  groupId: string;
  fullName: string | null;
  fullNameSealed: Buffer | null;
  ethnicitySealed: Buffer | null;
  religionSealed: Buffer | null;
  notesSealed: Buffer | null;
  deidentifiedAt: string | null;
  version: number;
  birthDate: string | null;
  role: string | null;
  joinedOn: string;
  leftOn: string | null;
  disciplined: boolean;
  ageExceptionDecision: string | null;
  ageExceptionDecidedOn: string | null;
};

export const SELECT_MEMBER = sql`select m.id, m.group_id as "groupId", m.full_name as "fullName",
  m.full_name_sealed as "fullNameSealed", m.ethnicity_sealed as "ethnicitySealed",
  m.religion_sealed as "religionSealed", m.notes_sealed as "notesSealed",
  m.deidentified_at as "deidentifiedAt", m.version,
  m.birth_date::text as "birthDate", m.role, m.joined_on::text as "joinedOn", m.left_on::text as "leftOn",
  m.disciplined, m.age_exception_decision as "ageExceptionDecision",
  m.age_exception_decided_on::text as "ageExceptionDecidedOn" from group_members m`;

/**
 * A group's roster (optionally only the members active on a date, or those with a name: the
 * blind index `nameIndex` of it), without members whose processing is restricted at their request
 * (the counts still include them); `limit + 1` rows. Names are sealed, so the order is by joining
 * date and id.
 */
export async function listMembers(
  db: Db,
  groupId: string,
  q: ListGroupMembersQuery & { nameIndex?: string },
  offset: number,
): Promise<MemberDbRow[]> {
  const where: SQL[] = [sql`m.group_id = ${groupId}`, notRestricted("group_member", sql`m.id`)];
  if (q.activeOn) {
    where.push(
      sql`m.joined_on <= ${q.activeOn}::date and (m.left_on is null or m.left_on > ${q.activeOn}::date)`,
    );
  }
  if (q.nameIndex) where.push(sql`m.name_index = ${q.nameIndex}`);
  return queryRows<MemberDbRow>(
    db,
    sql`${SELECT_MEMBER} where ${sql.join(where, sql` and `)}
        order by m.joined_on, m.id limit ${q.limit + 1} offset ${offset}`,
  );
}

/**
 * The roster entry a write changes (the day it left): of the group (else 404), and not restricted
 * at the member's request (else 409 `record_restricted`; decision 0017, addendum). Read it inside
 * the write's transaction (see refuseRestricted).
 */
export async function getWritableMember(db: Db, groupId: string, memberId: string): Promise<MemberDbRow> {
  const [row] = await queryRows<MemberDbRow>(
    db,
    sql`${SELECT_MEMBER} where m.group_id = ${groupId} and m.id = ${memberId}`,
  );
  if (!row) throw notFound();
  await refuseRestricted(db, "group_member", [memberId]);
  return row;
}

export async function getMember(db: Db, groupId: string, memberId: string): Promise<MemberDbRow> {
  const [row] = await queryRows<MemberDbRow>(
    db,
    sql`${SELECT_MEMBER} where m.group_id = ${groupId} and m.id = ${memberId}
          and ${notRestricted("group_member", sql`m.id`)}`,
  );
  if (!row) throw notFound();
  return row;
}
