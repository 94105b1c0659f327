import {
  todayInVietnam,
  type CommitteeTotals,
  type CommitteeTotalsQuery,
  type Permission,
  type SteeringCommittee,
  type SteeringCommitteeDetail,
} from "@toandan/contracts";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { pathInScope, type Actor } from "../../kernel/authz";
import { notFound } from "../../kernel/errors";
import { decodeCursor, pageFrom } from "../../kernel/pagination";
import { loadUnit } from "../org-units";
import { canCreateCommittee, committeeAbilities } from "./committees.policy";

const SELECT = sql`select c.id, c.org_unit_id as "orgUnitId", u.full_name as "orgUnitName", c.name,
    c.decision_kind as "decisionKind", c.decision_number as "decisionNumber", c.decision_on::text as "decisionOn",
    c.decision_issuer as "decisionIssuer", c.rollup_path as "rollupPath",
    (select count(*) from committee_members m where m.committee_id = c.id and m.left_on is null)::int as "activeMembers"
  from steering_committees c join org_units u on u.id = c.org_unit_id`;

type Row = SteeringCommittee & { rollupPath: string };

/** One committee within the actor's scope for the permission, or 404. */
export async function getCommitteeRow(
  db: Db,
  actor: Actor,
  id: string,
  permission: Permission,
): Promise<Row> {
  const [r] = await queryRows<Row>(
    db,
    sql`${SELECT} where c.id = ${id} and ${pathInScope(actor, permission, sql`c.rollup_path`)}`,
  );
  if (!r) throw notFound();
  return r;
}

export const presentCommittee = ({ rollupPath: _r, ...c }: Row): SteeringCommittee => c;

export async function committeeDetail(db: Db, actor: Actor, id: string): Promise<SteeringCommitteeDetail> {
  const c = await getCommitteeRow(db, actor, id, "committee.read");
  const members = await queryRows<SteeringCommitteeDetail["members"][number]>(
    db,
    sql`select id, full_name as "fullName", position, organisation, role, area, joined_on::text as "joinedOn",
          left_on::text as "leftOn", left_reason as "leftReason"
        from committee_members where committee_id = ${id}
        order by left_on nulls first, case role when 'head' then 0 when 'deputy' then 1 else 2 end, joined_on, full_name`,
  );
  const meetings = await queryRows<SteeringCommitteeDetail["meetings"][number]>(
    db,
    sql`select id, held_on::text as "heldOn", kind, attendee_ids::text[] as "attendeeIds", agenda, conclusions
        from committee_meetings where committee_id = ${id} order by held_on desc, id`,
  );
  const assignments = await queryRows<SteeringCommitteeDetail["assignments"][number]>(
    db,
    sql`select a.id, a.title, a.responsible_member_id as "responsibleMemberId", m.full_name as "responsibleMemberName",
          a.due_on::text as "dueOn", a.meeting_id as "meetingId", a.done_on::text as "doneOn"
        from committee_assignments a join committee_members m on m.id = a.responsible_member_id
        where a.committee_id = ${id} order by a.done_on nulls first, a.due_on nulls last, a.title`,
  );
  return { ...presentCommittee(c), can: committeeAbilities(actor, c), members, meetings, assignments };
}

/** A page of committees in scope, with whether the caller may create one. */
export async function committeePage(db: Db, actor: Actor, q: { cursor?: string | undefined; limit: number }) {
  const offset = decodeCursor(q.cursor);
  const rows = await queryRows<Row>(
    db,
    sql`${SELECT} where ${pathInScope(actor, "committee.read", sql`c.rollup_path`)}
        order by c.rollup_path, c.decision_on desc, c.id limit ${q.limit + 1} offset ${offset}`,
  );
  const page = pageFrom(rows, offset, q.limit);
  return { ...page, items: page.items.map(presentCommittee), can: { create: canCreateCommittee(actor) } };
}

/**
 * Committees decided on or before `on` and the members serving on that date, in a unit's subtree
 * (or all the caller's units), per unit holding a committee: "11 Ban Chỉ đạo … với trên 200 thành viên".
 */
export async function committeeTotals(
  db: Db,
  actor: Actor,
  q: CommitteeTotalsQuery,
): Promise<CommitteeTotals> {
  const on = q.on ?? todayInVietnam();
  const where: SQL[] = [
    pathInScope(actor, "committee.read", sql`c.rollup_path`),
    sql`c.decision_on <= ${on}::date`,
  ];
  if (q.orgUnitId) {
    const unit = await loadUnit(db, actor, q.orgUnitId, { permission: "committee.read", scope: "path" });
    where.push(sql`c.rollup_path like ${`${unit.path}%`}`);
  }
  const byUnit = await queryRows<CommitteeTotals["byUnit"][number] & { consolidated: number }>(
    db,
    sql`select c.org_unit_id as "orgUnitId", min(u.full_name) as "orgUnitName", count(*)::int as committees,
          count(*) filter (where c.decision_kind = 'consolidated')::int as consolidated,
          coalesce(sum((select count(*) from committee_members m where m.committee_id = c.id
            and m.joined_on <= ${on}::date and (m.left_on is null or m.left_on > ${on}::date))), 0)::int as members
        from steering_committees c join org_units u on u.id = c.org_unit_id
        where ${sql.join(where, sql` and `)}
        group by c.org_unit_id order by min(c.rollup_path)`,
  );
  return {
    on,
    committees: byUnit.reduce((s, r) => s + r.committees, 0),
    consolidated: byUnit.reduce((s, r) => s + r.consolidated, 0),
    members: byUnit.reduce((s, r) => s + r.members, 0),
    byUnit: byUnit.map(({ consolidated: _c, ...r }) => r),
  };
}
