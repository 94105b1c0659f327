import {
  HOTSPOT_TRANSITIONS,
  canTransition,
  type HotspotDetail,
  type HotspotStatus,
  type UpdateHotspotStatusBody,
} from "@toandan/contracts";
import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { invalidTransition, validationFailed } from "../../../kernel/errors";
import { getHotspotRow, hotspotDetail } from "../hotspots.queries";
import { hotspotStatusHistory, hotspots } from "../hotspots.table";

export const canMoveHotspot = (from: HotspotStatus, to: HotspotStatus) =>
  canTransition(HOTSPOT_TRANSITIONS, from, to);

/** designated → transforming → transformed | removed, by the transition table; others are 409. */
export async function updateHotspotStatus(
  db: Db,
  actor: Actor,
  id: string,
  body: UpdateHotspotStatusBody,
): Promise<HotspotDetail> {
  const h = await getHotspotRow(db, actor, id, "hotspot.manage");
  if (!canMoveHotspot(h.status, body.status)) throw invalidTransition(h.status, body.status);
  if (body.date < h.statusChangedOn) {
    throw validationFailed([{ path: "date", message: "Ngày chuyển trạng thái trước lần chuyển trước" }]);
  }
  await db.transaction(async (tx) => {
    await tx
      .update(hotspots)
      .set({ status: body.status, statusChangedOn: body.date })
      .where(eq(hotspots.id, id));
    await tx.insert(hotspotStatusHistory).values({
      hotspotId: id,
      fromStatus: h.status,
      toStatus: body.status,
      date: body.date,
      reason: body.reason,
      recordedBy: actor.accountId,
    });
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "hotspot.status_changed",
      entityType: "hotspot",
      entityId: id,
      orgUnitId: h.orgUnitId,
      data: { from: h.status, to: body.status, date: body.date, reason: body.reason },
    });
  });
  return hotspotDetail(db, actor, id);
}
