import {
  GROUP_TRANSITIONS,
  canTransition,
  type ChangeGroupStatusBody,
  type GroupStatus,
} from "@toandan/contracts";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { invalidTransition, validationFailed } from "../../../kernel/errors";
import { getVisibleGroup } from "../groups.queries";
import { groupMembers, groups } from "../groups.table";

/**
 * Moves a group along its lifecycle. Dissolving records the date and closes the open memberships
 * on that day, so rosters and totals agree that nobody serves in a dissolved group.
 */
export async function changeGroupStatus(
  db: Db,
  actor: Actor,
  id: string,
  body: ChangeGroupStatusBody,
): Promise<void> {
  const group = await getVisibleGroup(db, actor, id, "group.manage");
  const from = group.status as GroupStatus;
  if (!canTransition(GROUP_TRANSITIONS, from, body.status)) throw invalidTransition(from, body.status);
  if (body.date < group.foundedOn) {
    throw validationFailed([{ path: "date", message: "Ngày chuyển trạng thái trước ngày thành lập" }]);
  }
  await db.transaction(async (tx) => {
    const dissolving = body.status === "dissolved";
    await tx
      .update(groups)
      .set({ status: body.status, ...(dissolving ? { dissolvedOn: body.date } : {}) })
      .where(eq(groups.id, id));
    if (dissolving) {
      await tx
        .update(groupMembers)
        .set({ leftOn: sql`greatest(${groupMembers.joinedOn}, ${body.date}::date)` })
        .where(and(eq(groupMembers.groupId, id), isNull(groupMembers.leftOn)));
    }
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "group.status_changed",
      entityType: "group",
      entityId: id,
      orgUnitId: group.orgUnitId,
      data: { from, to: body.status, date: body.date, reason: body.reason ?? null },
    });
  });
}
