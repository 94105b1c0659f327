import type { RemoveCommitteeMemberBody, SteeringCommitteeDetail } from "@toandan/contracts";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict, notFound, validationFailed } from "../../../kernel/errors";
import { committeeDetail, getCommitteeRow } from "../committees.queries";
import { committeeMembers } from "../committees.table";

/** A member leaves the committee (moved, retired, replaced at consolidation): the date and reason stay. */
export async function removeCommitteeMember(
  db: Db,
  actor: Actor,
  id: string,
  memberId: string,
  body: RemoveCommitteeMemberBody,
): Promise<SteeringCommitteeDetail> {
  const c = await getCommitteeRow(db, actor, id, "committee.manage");
  const [m] = await db
    .select()
    .from(committeeMembers)
    .where(and(eq(committeeMembers.id, memberId), eq(committeeMembers.committeeId, id)));
  if (!m) throw notFound();
  if (m.leftOn) throw conflict("Thành viên đã thôi tham gia Ban Chỉ đạo.");
  if (body.leftOn < m.joinedOn) {
    throw validationFailed([{ path: "leftOn", message: "Ngày thôi trước ngày tham gia" }]);
  }
  await db.transaction(async (tx) => {
    await tx
      .update(committeeMembers)
      .set({ leftOn: body.leftOn, leftReason: body.reason })
      .where(eq(committeeMembers.id, memberId));
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "committee.member_removed",
      entityType: "steering_committee",
      entityId: id,
      orgUnitId: c.orgUnitId,
      data: { memberId, leftOn: body.leftOn },
    });
  });
  return committeeDetail(db, actor, id);
}
