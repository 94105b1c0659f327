import type { CompleteCommitteeAssignmentBody, SteeringCommitteeDetail } from "@toandan/contracts";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict, notFound } from "../../../kernel/errors";
import { committeeDetail, getCommitteeRow } from "../committees.queries";
import { committeeAssignments } from "../committees.table";

/** Marks a task done on a date. */
export async function completeCommitteeAssignment(
  db: Db,
  actor: Actor,
  id: string,
  assignmentId: string,
  body: CompleteCommitteeAssignmentBody,
): Promise<SteeringCommitteeDetail> {
  const c = await getCommitteeRow(db, actor, id, "committee.manage");
  const [a] = await db
    .select({ doneOn: committeeAssignments.doneOn })
    .from(committeeAssignments)
    .where(and(eq(committeeAssignments.id, assignmentId), eq(committeeAssignments.committeeId, id)));
  if (!a) throw notFound();
  if (a.doneOn) throw conflict("Nhiệm vụ đã được ghi hoàn thành.");
  await db.transaction(async (tx) => {
    await tx
      .update(committeeAssignments)
      .set({ doneOn: body.doneOn })
      .where(eq(committeeAssignments.id, assignmentId));
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "committee.assignment_done",
      entityType: "steering_committee",
      entityId: id,
      orgUnitId: c.orgUnitId,
      data: { assignmentId, doneOn: body.doneOn },
    });
  });
  return committeeDetail(db, actor, id);
}
