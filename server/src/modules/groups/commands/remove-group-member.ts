import type { LeaveGroupBody } from "@toandan/contracts";
import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict, validationFailed } from "../../../kernel/errors";
import { getVisibleGroup, getWritableMember } from "../groups.queries";
import { groupMembers } from "../groups.table";

/** Records that a member left the group on a day (the roster row is kept for history). */
export async function removeGroupMember(
  db: Db,
  actor: Actor,
  groupId: string,
  memberId: string,
  body: LeaveGroupBody,
): Promise<void> {
  const group = await getVisibleGroup(db, actor, groupId, "group.manage");
  await db.transaction(async (tx) => {
    const member = await getWritableMember(tx, groupId, memberId);
    if (member.leftOn) throw conflict("Thành viên đã rời tổ, mô hình");
    if (body.leftOn < member.joinedOn) {
      throw validationFailed([{ path: "leftOn", message: "Ngày rời tổ trước ngày vào tổ" }]);
    }
    await tx.update(groupMembers).set({ leftOn: body.leftOn }).where(eq(groupMembers.id, memberId));
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "group.member_left",
      entityType: "group",
      entityId: groupId,
      orgUnitId: group.orgUnitId,
      data: { memberId, leftOn: body.leftOn },
    });
  });
}
