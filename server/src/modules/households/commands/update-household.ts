import { todayInVietnam } from "@toandan/contracts";
import type { UpdateHouseholdBody } from "@toandan/contracts";
import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict, validationFailed } from "../../../kernel/errors";
import { households } from "../households.table";
import { getWritableHousehold } from "../households.queries";
import { codeTakenMessage, householdSearchText, isCodeTaken } from "./create-household";

/** Changes a household's fields, or records (or undoes) its moving out of the area. */
export async function updateHousehold(
  db: Db,
  actor: Actor,
  id: string,
  body: UpdateHouseholdBody,
): Promise<void> {
  // The read, its restriction check and the write in one transaction (see refuseRestricted).
  await db.transaction(async (tx) => {
    const current = await getWritableHousehold(tx, actor, id);
    if (body.movedOutOn && body.movedOutOn > todayInVietnam()) {
      throw validationFailed([{ path: "movedOutOn", message: "Ngày không được ở tương lai" }]);
    }
    if (
      body.code &&
      body.code !== current.code &&
      (await isCodeTaken(tx, current.orgUnitId, body.code, id))
    ) {
      throw conflict(codeTakenMessage(body.code));
    }
    const headName = body.headName ?? current.headName;
    const address = body.address ?? current.address;
    const changes = {
      ...(body.headName !== undefined ? { headName } : {}),
      ...(body.address !== undefined ? { address } : {}),
      ...(body.members !== undefined ? { members: body.members } : {}),
      ...(body.memberOrgs !== undefined ? { memberOrgs: body.memberOrgs } : {}),
      ...(body.code !== undefined ? { code: body.code } : {}),
      ...(body.movedOutOn !== undefined ? { movedOutOn: body.movedOutOn } : {}),
    };
    await tx
      .update(households)
      .set({ ...changes, searchText: householdSearchText(headName, address) })
      .where(eq(households.id, id));
    // Only which fields changed, plus non-personal values: names and addresses stay out of the log.
    const { headName: _h, address: _a, ...values } = changes;
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "household.updated",
      entityType: "household",
      entityId: id,
      orgUnitId: current.orgUnitId,
      data: { fields: Object.keys(changes), ...values },
    });
  });
}
