import { todayInVietnam, type GroupRosters, type GroupRostersQuery } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import type { Actor } from "../../kernel/authz";
import { notRestricted } from "../citizen";
import { loadUnit } from "../org-units";
import type { RosterCrypto } from "./groups.crypto";
import { groupAbilities } from "./groups.policy";
import { presentGroup, presentMember } from "./groups.presenter";
import { listGroups, SELECT_MEMBER, type MemberDbRow } from "./groups.queries";

const GROUPS_MAX = 200;

/**
 * Every team and model of a unit's subtree in the actor's read scope (404 for a unit outside it),
 * not dissolved, with the members active on a day (not those restricted at their request): what the offline capture forms keep on the phone.
 * Two queries whatever the number of groups.
 */
export async function groupRosters(
  db: Db,
  crypto: RosterCrypto,
  actor: Actor,
  q: GroupRostersQuery,
): Promise<GroupRosters> {
  const unit = await loadUnit(db, actor, q.orgUnitId, { permission: "group.read", scope: "rollup" });
  const activeOn = q.activeOn ?? todayInVietnam();
  const found = await listGroups(db, actor, { limit: GROUPS_MAX * 2 }, unit, 0);
  const open = found.filter((g) => g.status !== "dissolved");
  const groups = open.slice(0, GROUPS_MAX);
  const ids = groups.map((g) => g.id);
  const members = ids.length
    ? await queryRows<MemberDbRow>(
        db,
        sql`${SELECT_MEMBER} where m.group_id = any(${sql.param(ids)}::uuid[])
              and m.joined_on <= ${activeOn}::date and (m.left_on is null or m.left_on > ${activeOn}::date)
              and ${notRestricted("group_member", sql`m.id`)}
            order by m.joined_on, m.id`,
      )
    : [];
  return {
    orgUnitId: unit.id,
    activeOn,
    items: groups.map((g) => ({
      ...presentGroup(g),
      can: groupAbilities(actor, g),
      members: members.filter((m) => m.groupId === g.id).map((m) => presentMember(crypto, m)),
    })),
    truncated: open.length > GROUPS_MAX || found.length > GROUPS_MAX * 2,
  };
}
