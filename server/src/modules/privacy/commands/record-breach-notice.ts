import type { Breach, RecordBreachNoticeBody } from "@toandan/contracts";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict, forbidden, validationFailed } from "../../../kernel/errors";
import { managesAt } from "../privacy.policy";
import { getBreach } from "../privacy.queries";
import { privacyBreaches } from "../privacy.table";

/**
 * Records that the notice went to A05: when and by what dispatch. After the 72 hours the reasons
 * for the delay are required (Decree 13/2023 Art. 23).
 */
export async function recordBreachNotice(
  db: Db,
  actor: Actor,
  id: string,
  body: RecordBreachNoticeBody,
): Promise<Breach> {
  const b = await getBreach(db, actor, id);
  if (!managesAt(actor, b.rollupPath)) throw forbidden();
  if (b.status !== "open") throw conflict("Vi phạm này đã được thông báo.");
  const notifiedAt = new Date(body.notifiedAt).toISOString();
  if (notifiedAt < b.detectedAt) {
    throw validationFailed([
      { path: "notifiedAt", message: "Thời điểm thông báo phải sau thời điểm phát hiện" },
    ]);
  }
  const late = notifiedAt > b.noticeDueAt;
  if (late && !body.lateReason) {
    throw validationFailed([{ path: "lateReason", message: "Thông báo sau 72 giờ: nêu lý do chậm" }]);
  }
  await db.transaction(async (tx) => {
    await tx
      .update(privacyBreaches)
      .set({
        status: "notified",
        notifiedAt: new Date(notifiedAt),
        noticeReference: body.reference,
        lateReason: body.lateReason || null,
      })
      .where(and(eq(privacyBreaches.id, id), eq(privacyBreaches.status, "open")));
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "privacy.breach_notified",
      entityType: "privacy_breach",
      entityId: id,
      orgUnitId: b.orgUnitId,
      data: { notifiedAt, late },
    });
  });
  const { rollupPath: _r, ...breach } = await getBreach(db, actor, id);
  return breach;
}
