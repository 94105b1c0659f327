import { clockNow, type RemoteCommune, type SetRemoteCommuneBody } from "@toandan/contracts";
import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import { bumpCacheVersion } from "../../../kernel/cache-version";
import type { Actor } from "../../../kernel/authz";
import { validationFailed } from "../../../kernel/errors";
import { loadUnit } from "../../org-units";
import { remoteCommunes } from "../citizen.table";
import { remoteCommuneOf } from "../remote-communes.queries";
import { ROUTING_CACHE } from "../routing";

/**
 * Puts a current commune on the remote list with the decision that classifies it, or takes it off.
 * Joint Circular 01/2017/TTLT Art. 8.5: commune police in remote mountain or island areas with
 * difficult travel transfer an urgent report within 48 hours instead of 24. A tip keeps the limit
 * of the day it was received: only tips received afterwards get the new one.
 * Province administrators act on their province's communes, national ones everywhere (404 outside).
 */
export async function setRemoteCommune(
  db: Db,
  actor: Actor,
  orgUnitId: string,
  body: SetRemoteCommuneBody,
): Promise<RemoteCommune> {
  const unit = await loadUnit(db, actor, orgUnitId, { permission: "remote_commune.manage", scope: "path" });
  if (unit.kind !== "commune" || unit.validTo) {
    throw validationFailed([{ path: "orgUnitId", message: "Chỉ xếp được xã, phường, đặc khu hiện hành" }]);
  }
  const [before] = await db.select().from(remoteCommunes).where(eq(remoteCommunes.orgUnitId, unit.id));
  await db.transaction(async (tx) => {
    if (body.remote) {
      const values = {
        basisNumber: body.basisNumber!,
        basisDate: body.basisDate!,
        basisText: body.basisText!,
        note: body.note || null,
        setAt: clockNow(),
      };
      await tx
        .insert(remoteCommunes)
        .values({ orgUnitId: unit.id, ...values })
        .onConflictDoUpdate({ target: remoteCommunes.orgUnitId, set: values });
      await recordEvent(tx, {
        actorId: actor.accountId,
        action: "remote_commune.set",
        entityType: "org_unit",
        entityId: unit.id,
        orgUnitId: unit.id,
        data: {
          basisNumber: values.basisNumber,
          basisDate: values.basisDate,
          basisText: values.basisText,
          previous: before ? { basisNumber: before.basisNumber, basisDate: before.basisDate } : null,
        },
      });
    } else if (before) {
      await tx.delete(remoteCommunes).where(eq(remoteCommunes.orgUnitId, unit.id));
      await recordEvent(tx, {
        actorId: actor.accountId,
        action: "remote_commune.unset",
        entityType: "org_unit",
        entityId: unit.id,
        orgUnitId: unit.id,
        data: { basisNumber: before.basisNumber, basisDate: before.basisDate },
      });
    }
    // Routing answers are cached in every app process: the next tip to this commune, on any of
    // them, must get the new limit at once.
    await bumpCacheVersion(tx, ROUTING_CACHE);
  });
  return (await remoteCommuneOf(db, unit.id))!;
}
