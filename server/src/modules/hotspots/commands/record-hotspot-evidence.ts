import type { HotspotDetail, RecordHotspotEvidenceBody } from "@toandan/contracts";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict, validationFailed } from "../../../kernel/errors";
import { getHotspotRow, hotspotDetail } from "../hotspots.queries";
import { hotspotEvidence } from "../hotspots.table";

/** An observation over time (patrols, incidents, residents' feedback) on a designated area. */
export async function recordHotspotEvidence(
  db: Db,
  actor: Actor,
  id: string,
  body: RecordHotspotEvidenceBody,
): Promise<HotspotDetail> {
  const h = await getHotspotRow(db, actor, id, "hotspot.manage");
  if (h.status === "removed") throw conflict("Địa bàn đã được đưa ra khỏi danh sách.");
  if (body.observedOn < h.designatedOn) {
    throw validationFailed([{ path: "observedOn", message: "Ngày ghi nhận trước ngày xác định địa bàn" }]);
  }
  await db.transaction(async (tx) => {
    const [e] = await tx
      .insert(hotspotEvidence)
      .values({ hotspotId: id, ...body, incidents: body.incidents ?? null, recordedBy: actor.accountId })
      .returning({ id: hotspotEvidence.id });
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "hotspot.evidence_recorded",
      entityType: "hotspot",
      entityId: id,
      orgUnitId: h.orgUnitId,
      data: { evidenceId: e!.id, ...body },
    });
  });
  return hotspotDetail(db, actor, id);
}
