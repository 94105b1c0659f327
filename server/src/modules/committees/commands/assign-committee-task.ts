import type { CreateCommitteeAssignmentBody, SteeringCommitteeDetail } from "@toandan/contracts";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { validationFailed } from "../../../kernel/errors";
import { committeeDetail, getCommitteeRow } from "../committees.queries";
import { committeeAssignments, committeeMeetings, committeeMembers } from "../committees.table";

/** A task the committee gives a serving member (from a meeting's conclusions or not), with its due date. */
export async function assignCommitteeTask(
  db: Db,
  actor: Actor,
  id: string,
  body: CreateCommitteeAssignmentBody,
): Promise<SteeringCommitteeDetail> {
  const c = await getCommitteeRow(db, actor, id, "committee.manage");
  const issues = [];
  const [member] = await db
    .select({ id: committeeMembers.id })
    .from(committeeMembers)
    .where(
      and(
        eq(committeeMembers.id, body.responsibleMemberId),
        eq(committeeMembers.committeeId, id),
        isNull(committeeMembers.leftOn),
      ),
    );
  if (!member) {
    issues.push({ path: "responsibleMemberId", message: "Người phụ trách phải là thành viên Ban Chỉ đạo" });
  }
  if (body.meetingId) {
    const [meeting] = await db
      .select({ heldOn: committeeMeetings.heldOn })
      .from(committeeMeetings)
      .where(and(eq(committeeMeetings.id, body.meetingId), eq(committeeMeetings.committeeId, id)));
    if (!meeting) issues.push({ path: "meetingId", message: "Cuộc họp không thuộc Ban Chỉ đạo này" });
    else if (body.dueOn && body.dueOn < meeting.heldOn) {
      issues.push({ path: "dueOn", message: "Hạn trước ngày họp" });
    }
  }
  if (issues.length) throw validationFailed(issues);
  await db.transaction(async (tx) => {
    const [a] = await tx
      .insert(committeeAssignments)
      .values({
        committeeId: id,
        meetingId: body.meetingId ?? null,
        title: body.title,
        responsibleMemberId: body.responsibleMemberId,
        dueOn: body.dueOn ?? null,
      })
      .returning({ id: committeeAssignments.id });
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "committee.assignment_created",
      entityType: "steering_committee",
      entityId: id,
      orgUnitId: c.orgUnitId,
      data: { assignmentId: a!.id, responsibleMemberId: body.responsibleMemberId, dueOn: body.dueOn ?? null },
    });
  });
  return committeeDetail(db, actor, id);
}
