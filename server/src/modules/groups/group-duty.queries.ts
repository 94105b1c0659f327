import type { DutyLog, DutyLogPage, ListDutyLogsQuery } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import type { Actor } from "../../kernel/authz";
import { notFound } from "../../kernel/errors";
import { decodeCursor, pageFrom } from "../../kernel/pagination";
import { groupAbilities } from "./groups.policy";
import { getVisibleGroup, type GroupDbRow } from "./groups.queries";

export type DutyLogDbRow = {
  id: string;
  groupId: string;
  date: string;
  memberIds: string[] | null;
  incidents: number;
  incidentNote: string | null;
  notes: string | null;
  version: number;
  createdAt: Date | string;
  updatedAt: Date | string;
};

const SELECT_LOG = sql`select l.id, l.group_id as "groupId", l.date::text as date,
    (select array_agg(m.member_id::text order by m.member_id) from group_duty_log_members m
      where m.log_id = l.id) as "memberIds",
    l.incidents, l.incident_note as "incidentNote", l.notes, l.version,
    l.created_at as "createdAt", l.updated_at as "updatedAt"
  from group_duty_logs l`;

const iso = (v: Date | string) => new Date(v).toISOString();

export function presentDutyLog(row: DutyLogDbRow, mayEdit: boolean): DutyLog {
  return {
    id: row.id,
    groupId: row.groupId,
    date: row.date,
    memberIds: row.memberIds ?? [],
    incidents: Number(row.incidents),
    incidentNote: row.incidentNote,
    notes: row.notes,
    version: Number(row.version),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    can: { edit: mayEdit },
  };
}

/** A log entry of a group (already checked visible), or 404. */
export async function getDutyLogRow(db: Db, groupId: string, logId: string): Promise<DutyLogDbRow> {
  const [row] = await queryRows<DutyLogDbRow>(
    db,
    sql`${SELECT_LOG} where l.id = ${logId} and l.group_id = ${groupId}`,
  );
  if (!row) throw notFound();
  return row;
}

/** One entry as the caller sees it, with what it may do with it. */
export async function dutyLogDetail(
  db: Db,
  actor: Actor,
  group: GroupDbRow,
  logId: string,
): Promise<DutyLog> {
  return presentDutyLog(await getDutyLogRow(db, group.id, logId), groupAbilities(actor, group).manage);
}

/** A team's duty log in the caller's scope (404 outside it), newest day first, optionally a date range. */
export async function listDutyLogs(
  db: Db,
  actor: Actor,
  groupId: string,
  q: ListDutyLogsQuery,
): Promise<DutyLogPage> {
  const group = await getVisibleGroup(db, actor, groupId);
  const offset = decodeCursor(q.cursor);
  const rows = await queryRows<DutyLogDbRow>(
    db,
    sql`${SELECT_LOG} where l.group_id = ${group.id}
          ${q.from ? sql`and l.date >= ${q.from}::date` : sql``}
          ${q.to ? sql`and l.date <= ${q.to}::date` : sql``}
        order by l.date desc, l.created_at desc, l.id
        limit ${q.limit + 1} offset ${offset}`,
  );
  const manage = groupAbilities(actor, group).manage && group.category === "team";
  const page = pageFrom(rows, offset, q.limit);
  return { ...page, items: page.items.map((r) => presentDutyLog(r, manage)), can: { create: manage } };
}
