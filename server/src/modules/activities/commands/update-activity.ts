import {
  ACTIVITY_EDITABLE_FIELDS,
  AIRING_FIELDS,
  airingIssues,
  broadcastHoursOf,
  type Activity,
  type ActivityDetail,
  type UpdateActivityBody,
} from "@toandan/contracts";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { validationFailed } from "../../../kernel/errors";
import { presentActivity, presentActivityDetail } from "../activities.presenter";
import { assertMayRecord, dateIssues, loadOrganizers, organizerKindsOf } from "../activities.policy";
import { getActivityRow, type OrganizerJson } from "../activities.queries";
import { activities, activityOrganizers } from "../activities.table";

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const idsOf = (list: { id: string }[]) => list.map((o) => o.id).sort();

/** Fields the body changes: before and after images, nothing else. */
function diff(current: Activity, body: UpdateActivityBody) {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const field of ACTIVITY_EDITABLE_FIELDS) {
    let next: unknown = body[field];
    if (next === undefined) continue;
    if ((field === "title" || field === "notes") && next === "") next = null;
    if (!same(current[field], next)) {
      before[field] = current[field];
      after[field] = next;
    }
  }
  return { before, after };
}

/**
 * The airings after the edit, checked as a whole; with airings, the hours become theirs (a change
 * of hours is added to or dropped from the diff accordingly).
 */
function applyAirings(
  current: Activity,
  body: UpdateActivityBody,
  diff: { before: Record<string, unknown>; after: Record<string, unknown> },
) {
  if (!AIRING_FIELDS.some((f) => f in diff.after) && !("broadcastHours" in diff.after)) return [];
  const next = Object.fromEntries(AIRING_FIELDS.map((f) => [f, body[f] ?? current[f]]));
  const issues = airingIssues({ ...next, broadcastHours: body.broadcastHours });
  const airings = next.broadcastAirings ?? 0;
  if (issues.length || !airings) return issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  const hours = broadcastHoursOf(airings, next.broadcastMinutes ?? 0);
  delete diff.before.broadcastHours;
  delete diff.after.broadcastHours;
  if (hours !== current.broadcastHours) {
    diff.before.broadcastHours = current.broadcastHours;
    diff.after.broadcastHours = hours;
  }
  return [];
}

/** Edits any field but the unit; audited with the before and after images of the changed fields. */
export async function updateActivity(
  db: Db,
  actor: Actor,
  id: string,
  body: UpdateActivityBody,
): Promise<ActivityDetail> {
  const row = await getActivityRow(db, actor, id, "activity.update");
  const current = presentActivity(row);
  assertMayRecord(actor, "activity.update", row.rollupPath, current.organizers);
  const unit = { path: row.unitPath, rollupPath: row.rollupPath, validTo: row.unitValidTo };
  const { before, after } = diff(current, body);
  let organizers: OrganizerJson[] | null = null;
  const issues = body.date ? dateIssues(unit, body.date) : [];
  issues.push(...applyAirings(current, body, { before, after }));
  if (body.organizerBodyIds && !same(idsOf(current.organizers), [...body.organizerBodyIds].sort())) {
    const loaded = await loadOrganizers(db, unit, body.organizerBodyIds);
    issues.push(...loaded.issues);
    organizers = loaded.organizers;
  }
  if (issues.length) throw validationFailed(issues);
  if (organizers) {
    assertMayRecord(actor, "activity.update", row.rollupPath, organizers);
    before.organizerBodyIds = idsOf(current.organizers);
    after.organizerBodyIds = idsOf(organizers);
  }
  if (Object.keys(after).length === 0) return presentActivityDetail(row, actor);
  await db.transaction(async (tx) => {
    const set: Partial<typeof activities.$inferInsert> = {};
    for (const field of ACTIVITY_EDITABLE_FIELDS) {
      if (field in after) Object.assign(set, { [field]: after[field] });
    }
    if ("broadcastHours" in after) set.broadcastHours = String(after.broadcastHours);
    if (organizers) set.organizerKinds = organizerKindsOf(organizers);
    await tx
      .update(activities)
      .set({ ...set, updatedAt: sql`now()` })
      .where(eq(activities.id, id));
    if (organizers) {
      await tx.delete(activityOrganizers).where(eq(activityOrganizers.activityId, id));
      await tx
        .insert(activityOrganizers)
        .values(organizers.map((o) => ({ activityId: id, bodyId: o.id, bodyKind: o.kind })));
    }
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "activity.updated",
      entityType: "activity",
      entityId: id,
      orgUnitId: row.orgUnitId,
      data: { before, after },
    });
  });
  return presentActivityDetail(await getActivityRow(db, actor, id, "activity.read"), actor);
}
