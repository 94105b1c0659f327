import { randomUUID } from "node:crypto";
import type { ApiIssue, CreateDutyLogBody, DutyLog, UpdateDutyLogBody } from "@toandan/contracts";
import { eq, sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict, validationFailed } from "../../../kernel/errors";
import { notRestricted } from "../../citizen";
import { groupDutyLogMembers, groupDutyLogs } from "../group-duty.table";
import { dutyLogDetail, getDutyLogRow } from "../group-duty.queries";
import { getVisibleGroup, type GroupDbRow } from "../groups.queries";

/** A team the actor manages that keeps a duty log: a team (not a model), not dissolved. */
async function loggingTeam(db: Db, actor: Actor, groupId: string): Promise<GroupDbRow> {
  const group = await getVisibleGroup(db, actor, groupId, "group.manage");
  if (group.category !== "team") throw conflict("Chỉ tổ, đội mới có sổ trực, tuần tra");
  if (group.status === "dissolved") throw conflict("Tổ đã giải thể, không ghi thêm sổ trực");
  return group;
}

/**
 * The day's checks: not before the team was founded, every member on the team's roster that day
 * (a member whose processing is restricted at their request is not: decision 0017).
 */
async function dutyIssues(db: Db, group: GroupDbRow, date: string, memberIds: string[]): Promise<ApiIssue[]> {
  const issues: ApiIssue[] = [];
  if (date < group.foundedOn) issues.push({ path: "date", message: "Ngày trực trước ngày thành lập tổ" });
  if (group.dissolvedOn && date > group.dissolvedOn) {
    issues.push({ path: "date", message: "Ngày trực sau ngày tổ giải thể" });
  }
  const onRoster = await queryRows<{ id: string }>(
    db,
    sql`select m.id from group_members m
        where m.group_id = ${group.id} and m.id = any(${sql.param(memberIds)}::uuid[])
          and m.joined_on <= ${date}::date and (m.left_on is null or m.left_on > ${date}::date)
          and ${notRestricted("group_member", sql`m.id`)}`,
  );
  const known = new Set(onRoster.map((r) => r.id));
  memberIds.forEach((id, i) => {
    if (!known.has(id)) {
      issues.push({ path: `memberIds.${i}`, message: "Người này không thuộc danh sách tổ vào ngày trực" });
    }
  });
  return issues;
}

/** Records a team's duty day: who was on duty, the incidents noted; audited. */
export async function createDutyLog(
  db: Db,
  actor: Actor,
  groupId: string,
  body: CreateDutyLogBody,
): Promise<DutyLog> {
  const group = await loggingTeam(db, actor, groupId);
  const issues = await dutyIssues(db, group, body.date, body.memberIds);
  if (issues.length) throw validationFailed(issues);
  const id = randomUUID();
  const values = {
    date: body.date,
    incidents: body.incidents,
    incidentNote: body.incidentNote || null,
    notes: body.notes || null,
  };
  await db.transaction(async (tx) => {
    await tx.insert(groupDutyLogs).values({
      id,
      groupId: group.id,
      orgUnitId: group.orgUnitId,
      provinceId: group.provinceId,
      rollupPath: group.rollupPath,
      ...values,
      createdBy: actor.accountId,
    });
    await tx.insert(groupDutyLogMembers).values(body.memberIds.map((memberId) => ({ logId: id, memberId })));
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "group.duty_logged",
      entityType: "group",
      entityId: group.id,
      orgUnitId: group.orgUnitId,
      data: { logId: id, memberIds: body.memberIds, ...values },
    });
  });
  return dutyLogDetail(db, actor, group, id);
}

const FIELDS = ["date", "incidents", "incidentNote", "notes"] as const;

/** Edits an entry (the changed fields' before and after images in the audit log). */
export async function updateDutyLog(
  db: Db,
  actor: Actor,
  groupId: string,
  logId: string,
  body: UpdateDutyLogBody,
): Promise<DutyLog> {
  const group = await loggingTeam(db, actor, groupId);
  const current = await getDutyLogRow(db, group.id, logId);
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const field of FIELDS) {
    let next: unknown = body[field];
    if (next === undefined) continue;
    if (next === "") next = null;
    if (current[field] !== next) {
      before[field] = current[field];
      after[field] = next;
    }
  }
  const currentIds = [...(current.memberIds ?? [])].sort();
  const nextIds = body.memberIds ? [...body.memberIds].sort() : currentIds;
  if (nextIds.join() !== currentIds.join()) {
    before.memberIds = currentIds;
    after.memberIds = nextIds;
  }
  if (Object.keys(after).length === 0) return dutyLogDetail(db, actor, group, logId);
  const issues = await dutyIssues(db, group, (after.date as string | undefined) ?? current.date, nextIds);
  if (issues.length) throw validationFailed(issues);
  await db.transaction(async (tx) => {
    const set: Partial<typeof groupDutyLogs.$inferInsert> = {};
    for (const field of FIELDS) if (field in after) Object.assign(set, { [field]: after[field] });
    await tx
      .update(groupDutyLogs)
      .set({ ...set, updatedAt: sql`now()` })
      .where(eq(groupDutyLogs.id, logId));
    if (after.memberIds) {
      await tx.delete(groupDutyLogMembers).where(eq(groupDutyLogMembers.logId, logId));
      await tx.insert(groupDutyLogMembers).values(nextIds.map((memberId) => ({ logId, memberId })));
    }
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "group.duty_log_updated",
      entityType: "group",
      entityId: group.id,
      orgUnitId: group.orgUnitId,
      data: { logId, before, after },
    });
  });
  return dutyLogDetail(db, actor, group, logId);
}
