import type { RecordCommitteeMeetingBody, SteeringCommitteeDetail } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { validationFailed } from "../../../kernel/errors";
import { committeeDetail, getCommitteeRow } from "../committees.queries";
import { committeeMeetings } from "../committees.table";

/** Members serving on a date (joined on or before it, not left before it). */
export async function membersServingOn(db: Db, committeeId: string, on: string): Promise<Set<string>> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from committee_members where committee_id = ${committeeId}
        and joined_on <= ${on}::date and (left_on is null or left_on >= ${on}::date)`,
  );
  return new Set(rows.map((r) => r.id));
}

/** A meeting (regular, extraordinary, interim or final review) with who attended, agenda and conclusions. */
export async function recordCommitteeMeeting(
  db: Db,
  actor: Actor,
  id: string,
  body: RecordCommitteeMeetingBody,
): Promise<SteeringCommitteeDetail> {
  const c = await getCommitteeRow(db, actor, id, "committee.manage");
  const serving = await membersServingOn(db, id, body.heldOn);
  const attendeeIds = [...new Set(body.attendeeIds)];
  const issues = attendeeIds.flatMap((a, i) =>
    serving.has(a)
      ? []
      : [{ path: `attendeeIds.${i}`, message: "Không phải thành viên Ban Chỉ đạo vào ngày họp" }],
  );
  if (issues.length) throw validationFailed(issues);
  await db.transaction(async (tx) => {
    const [m] = await tx
      .insert(committeeMeetings)
      .values({
        committeeId: id,
        heldOn: body.heldOn,
        kind: body.kind,
        attendeeIds,
        agenda: body.agenda,
        conclusions: body.conclusions || null,
        recordedBy: actor.accountId,
      })
      .returning({ id: committeeMeetings.id });
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "committee.meeting_recorded",
      entityType: "steering_committee",
      entityId: id,
      orgUnitId: c.orgUnitId,
      data: { meetingId: m!.id, heldOn: body.heldOn, kind: body.kind, attendees: attendeeIds.length },
    });
  });
  return committeeDetail(db, actor, id);
}
