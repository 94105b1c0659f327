import {
  EQUIPMENT_FUNDERS,
  EQUIPMENT_KINDS,
  ONLINE_PLATFORMS,
  todayInVietnam,
  type EquipmentChange,
  type EquipmentKind,
  type EquipmentTotals,
  type EquipmentTotalsQuery,
  type GroupEquipment,
  type OnlineChannel,
} from "@toandan/contracts";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { isInScope, pathInScope, type Actor } from "../../kernel/authz";
import { loadUnit } from "../org-units";
import { getVisibleGroup } from "./groups.queries";

/**
 * A model's equipment and online groups. Counts on a date are sums of the ledger's changes on or
 * before it; totals count the models existing on the date (founded, not yet dissolved).
 */

const SELECT_CHANNEL = sql`select id, platform, name, members, started_on::text as "startedOn",
    closed_on::text as "closedOn", for_propaganda as "forPropaganda", for_tips as "forTips"
  from group_online_channels`;

/** Count per kind of one group's equipment on `on` (every kind, zeros included). */
export async function equipmentCounts(
  db: Db,
  groupId: string,
  on: string,
): Promise<{ kind: EquipmentKind; count: number }[]> {
  const rows = await queryRows<{ kind: EquipmentKind; count: number }>(
    db,
    sql`select kind, sum(change)::int as count from group_equipment_changes
        where group_id = ${groupId} and "on" <= ${on}::date group by kind`,
  );
  const by = new Map(rows.map((r) => [r.kind, r.count]));
  return EQUIPMENT_KINDS.map((kind) => ({ kind, count: by.get(kind) ?? 0 }));
}

/** A group's equipment on a date (today by default), its ledger and its online groups; 404 outside scope. */
export async function groupEquipment(
  db: Db,
  actor: Actor,
  groupId: string,
  on: string = todayInVietnam(),
): Promise<GroupEquipment> {
  const group = await getVisibleGroup(db, actor, groupId);
  const changes = await queryRows<EquipmentChange>(
    db,
    sql`select id, kind, change, "on"::text as "on", funded_by as "fundedBy", note
        from group_equipment_changes where group_id = ${groupId} order by "on" desc, created_at desc`,
  );
  const channels = await queryRows<OnlineChannel>(
    db,
    sql`${SELECT_CHANNEL} where group_id = ${groupId} order by closed_on nulls first, started_on desc, name`,
  );
  return {
    on,
    counts: await equipmentCounts(db, groupId, on),
    changes,
    channels,
    can: { manage: isInScope(actor, "group.manage", group.rollupPath) && group.status !== "dissolved" },
  };
}

/** Figures of the models existing on `at` in a rollup-path subtree (no caller: the indicators' source). */
export async function equipmentTotals(
  db: Db,
  q: { rollupPathPrefix: string; at: string; scope?: SQL | undefined },
): Promise<Omit<EquipmentTotals, "on">> {
  const groupWhere = sql`g.rollup_path like ${`${q.rollupPathPrefix}%`} and g.founded_on <= ${q.at}::date
    and (g.dissolved_on is null or g.dissolved_on > ${q.at}::date) ${q.scope ? sql`and ${q.scope}` : sql``}`;
  const kinds = await queryRows<{ kind: EquipmentKind; count: number }>(
    db,
    sql`select e.kind, sum(e.change)::int as count from group_equipment_changes e
        join groups g on g.id = e.group_id
        where e."on" <= ${q.at}::date and ${groupWhere} group by e.kind`,
  );
  const funders = await queryRows<{ fundedBy: string; installed: number }>(
    db,
    sql`select e.funded_by as "fundedBy", sum(e.change)::int as installed from group_equipment_changes e
        join groups g on g.id = e.group_id
        where e.change > 0 and e."on" <= ${q.at}::date and ${groupWhere} group by e.funded_by`,
  );
  const platforms = await queryRows<{ platform: string; channels: number; members: number }>(
    db,
    sql`select c.platform, count(*)::int as channels, coalesce(sum(c.members), 0)::int as members
        from group_online_channels c join groups g on g.id = c.group_id
        where c.started_on <= ${q.at}::date and (c.closed_on is null or c.closed_on > ${q.at}::date)
          and ${groupWhere} group by c.platform`,
  );
  const byKind = new Map(kinds.map((r) => [r.kind, r.count]));
  const byFunder = new Map(funders.map((r) => [r.fundedBy, r.installed]));
  const byPlatform = new Map(platforms.map((r) => [r.platform, r]));
  return {
    byKind: EQUIPMENT_KINDS.map((kind) => ({ kind, count: byKind.get(kind) ?? 0 })),
    byFunder: EQUIPMENT_FUNDERS.map((fundedBy) => ({ fundedBy, installed: byFunder.get(fundedBy) ?? 0 })),
    channels: platforms.reduce((n, r) => n + r.channels, 0),
    channelMembers: platforms.reduce((n, r) => n + r.members, 0),
    byPlatform: ONLINE_PLATFORMS.map((platform) => ({
      platform,
      channels: byPlatform.get(platform)?.channels ?? 0,
      members: byPlatform.get(platform)?.members ?? 0,
    })),
  };
}

/** The totals in a unit's subtree (or everything the caller reads), within the caller's scope. */
export async function unitEquipmentTotals(
  db: Db,
  actor: Actor,
  q: EquipmentTotalsQuery,
): Promise<EquipmentTotals> {
  const on = q.on ?? todayInVietnam();
  const unit = q.orgUnitId
    ? await loadUnit(db, actor, q.orgUnitId, { permission: "group.read", scope: "path" })
    : undefined;
  const totals = await equipmentTotals(db, {
    rollupPathPrefix: unit?.path ?? "/",
    at: on,
    scope: pathInScope(actor, "group.read", sql`g.rollup_path`),
  });
  return { on, ...totals };
}
