import {
  todayInVietnam,
  type GroupCategory,
  type GroupDetail,
  type GroupMemberPage,
  type GroupPage,
  type GroupTotals,
  type GroupTotalsQuery,
  type GroupTypeList,
  type ListGroupMembersQuery,
  type ListGroupsQuery,
  type ListStaleGroupsQuery,
  type StaleGroupPage,
} from "@toandan/contracts";
import type { Db } from "../../db/client";
import type { Actor } from "../../kernel/authz";
import { validationFailed } from "../../kernel/errors";
import { decodeCursor, pageFrom } from "../../kernel/pagination";
import { existedOn, loadUnit } from "../org-units";
import type { RosterCrypto } from "./groups.crypto";
import { groupAbilities, mayCreateGroup } from "./groups.policy";
import { presentGroup, presentMember, presentStaleGroup } from "./groups.presenter";
import { getVisibleGroup, groupExtras, listGroups, listMembers } from "./groups.queries";
import { groupTotals, listStaleGroups } from "./groups.stats";
import { groupTypes } from "./groups.table";

/**
 * A subtree filter unit whose records count in the actor's read scope, or 404. A pre-reform unit
 * stands for its old subtree: the groups set up there (they count in today's units too).
 */
function filterUnit(db: Db, actor: Actor, unitId: string | undefined) {
  return unitId ? loadUnit(db, actor, unitId, { permission: "group.read", scope: "rollup" }) : undefined;
}

/** The catalogue of team and model types. */
export async function groupTypeList(db: Db): Promise<GroupTypeList> {
  const rows = await db.select().from(groupTypes).orderBy(groupTypes.category, groupTypes.code);
  return { items: rows.map((r) => ({ ...r, category: r.category as GroupCategory })), nextCursor: null };
}

/** A group the actor may read with its figures and what the actor may do with it now; else 404. */
export async function groupDetail(db: Db, actor: Actor, id: string): Promise<GroupDetail> {
  const row = await getVisibleGroup(db, actor, id);
  return {
    ...presentGroup(row),
    ...(await groupExtras(db, actor, row, todayInVietnam())),
    can: groupAbilities(actor, row),
  } as GroupDetail;
}

/** A page of groups in scope, with whether the actor may register one from this list. */
export async function groupPage(db: Db, actor: Actor, q: ListGroupsQuery): Promise<GroupPage> {
  const offset = decodeCursor(q.cursor);
  const unit = await filterUnit(db, actor, q.orgUnitId);
  const page = pageFrom(await listGroups(db, actor, q, unit, offset), offset, q.limit);
  return { ...page, items: page.items.map(presentGroup), can: { create: mayCreateGroup(actor, unit) } };
}

/** The filtered list of groups for an export file. */
export async function groupsForExport(db: Db, actor: Actor, q: ListGroupsQuery, limit: number) {
  const unit = await filterUnit(db, actor, q.orgUnitId);
  return (await listGroups(db, actor, { ...q, limit }, unit, 0)).map(presentGroup);
}

/** Groups with neither an evaluation nor an activity at their unit in 12 months. */
export async function staleGroupPage(db: Db, actor: Actor, q: ListStaleGroupsQuery): Promise<StaleGroupPage> {
  const offset = decodeCursor(q.cursor);
  const unit = await filterUnit(db, actor, q.orgUnitId);
  const asOf = q.asOf ?? todayInVietnam();
  const rows = await listStaleGroups(db, actor, { unit, asOf, offset, limit: q.limit });
  const page = pageFrom(rows, offset, q.limit);
  return { ...page, items: page.items.map(presentStaleGroup) };
}

/**
 * Per type: groups existing and members active on a date, in a unit's subtree. A pre-reform unit
 * answers for the dates it existed (by default its last day), from the groups of its old subtree.
 */
export async function unitGroupTotals(db: Db, actor: Actor, q: GroupTotalsQuery): Promise<GroupTotals> {
  const unit = (await filterUnit(db, actor, q.orgUnitId))!;
  const today = todayInVietnam();
  const at = q.at ?? (unit.validTo && unit.validTo < today ? unit.validTo : today);
  if (unit.path !== unit.rollupPath && !existedOn(unit, at)) {
    throw validationFailed([{ path: "querystring.at", message: "Đơn vị không có hiệu lực vào ngày này" }]);
  }
  const { groups, members, byType } = await groupTotals(db, {
    rollupPathPrefix: unit.rollupPath,
    unitPath: unit.path === unit.rollupPath ? undefined : unit.path,
    at,
  });
  return { orgUnitId: q.orgUnitId, at, items: byType, total: { groups, members } };
}

/** A group's roster (the group in the actor's read scope, else 404). */
export async function memberPage(
  db: Db,
  crypto: RosterCrypto,
  actor: Actor,
  groupId: string,
  q: ListGroupMembersQuery,
): Promise<GroupMemberPage> {
  const offset = decodeCursor(q.cursor);
  const group = await getVisibleGroup(db, actor, groupId);
  const nameIndex = q.name ? crypto.nameIndex(q.name) : undefined;
  const page = pageFrom(await listMembers(db, group.id, { ...q, nameIndex }, offset), offset, q.limit);
  return { ...page, items: page.items.map((m) => presentMember(crypto, m)) };
}
