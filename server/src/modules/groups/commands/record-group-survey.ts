import type { RecordGroupSurveyBody } from "@toandan/contracts";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { validationFailed } from "../../../kernel/errors";
import { getVisibleGroup } from "../groups.queries";
import { groupSurveys } from "../groups.table";

/**
 * Records a survey of the area's security situation (crimes, drug users, gangs, social evils).
 * The earliest survey of a group is its baseline; later ones show the change.
 */
export async function recordGroupSurvey(
  db: Db,
  actor: Actor,
  groupId: string,
  body: RecordGroupSurveyBody,
): Promise<string> {
  const group = await getVisibleGroup(db, actor, groupId, "group.manage");
  if (group.dissolvedOn && body.surveyedOn > group.dissolvedOn) {
    throw validationFailed([{ path: "surveyedOn", message: "Ngày khảo sát sau ngày giải thể" }]);
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(groupSurveys)
      .values({ groupId, ...body, notes: body.notes ?? null })
      .returning({ id: groupSurveys.id });
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "group.surveyed",
      entityType: "group",
      entityId: groupId,
      orgUnitId: group.orgUnitId,
      data: { surveyId: row!.id, ...body },
    });
    return row!.id;
  });
}
