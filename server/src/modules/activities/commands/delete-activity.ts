import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { presentActivity } from "../activities.presenter";
import { assertMayRecord } from "../activities.policy";
import { getActivityRow } from "../activities.queries";
import { activities } from "../activities.table";

/** Deletes an activity (its organisers go with it); the audit event keeps the before-image. */
export async function deleteActivity(db: Db, actor: Actor, id: string): Promise<{ ok: true }> {
  const row = await getActivityRow(db, actor, id, "activity.delete");
  const before = presentActivity(row);
  assertMayRecord(actor, "activity.delete", row.rollupPath, before.organizers);
  await db.transaction(async (tx) => {
    await tx.delete(activities).where(eq(activities.id, id));
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "activity.deleted",
      entityType: "activity",
      entityId: id,
      orgUnitId: row.orgUnitId,
      data: { before: { ...before, organizerBodyIds: before.organizers.map((o) => o.id) } },
    });
  });
  return { ok: true };
}
