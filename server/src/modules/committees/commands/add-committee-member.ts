import type { AddCommitteeMemberBody, SteeringCommitteeDetail } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { validationFailed } from "../../../kernel/errors";
import { committeeDetail, getCommitteeRow } from "../committees.queries";
import { committeeMembers } from "../committees.table";

/** Adds a member (head, deputy or member) with the body they represent and the field they follow. */
export async function addCommitteeMember(
  db: Db,
  actor: Actor,
  id: string,
  body: AddCommitteeMemberBody,
): Promise<SteeringCommitteeDetail> {
  const c = await getCommitteeRow(db, actor, id, "committee.manage");
  if (body.role === "head") {
    const heads = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from committee_members
          where committee_id = ${id} and role = 'head' and left_on is null`,
    );
    if (heads[0]!.n > 0) {
      throw validationFailed([
        { path: "role", message: "Ban Chỉ đạo đã có Trưởng ban; ghi thôi Trưởng ban cũ trước" },
      ]);
    }
  }
  await db.transaction(async (tx) => {
    const [m] = await tx
      .insert(committeeMembers)
      .values({ committeeId: id, ...body, area: body.area || null })
      .returning({ id: committeeMembers.id });
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "committee.member_added",
      entityType: "steering_committee",
      entityId: id,
      orgUnitId: c.orgUnitId,
      data: { memberId: m!.id, role: body.role, joinedOn: body.joinedOn },
    });
  });
  return committeeDetail(db, actor, id);
}
