import type { RecordSupervisionFindingBody, SupervisionDetail } from "@toandan/contracts";
import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict, validationFailed } from "../../../kernel/errors";
import { mayRecordFinding } from "../supervision.policy";
import { getSupervisionRow, supervisionDetail } from "../supervision.queries";
import { supervisionFindings, supervisions } from "../supervision.table";

/** A finding of the supervision; the first one moves a planned supervision to ongoing. */
export async function recordSupervisionFinding(
  db: Db,
  actor: Actor,
  id: string,
  body: RecordSupervisionFindingBody,
): Promise<SupervisionDetail> {
  const s = await getSupervisionRow(db, actor, id, "supervision.manage");
  if (!mayRecordFinding(s)) throw conflict("Cuộc giám sát đã kết thúc.");
  if (body.foundOn < s.periodFrom) {
    throw validationFailed([{ path: "foundOn", message: "Ngày ghi nhận trước thời gian giám sát" }]);
  }
  await db.transaction(async (tx) => {
    const [f] = await tx
      .insert(supervisionFindings)
      .values({ supervisionId: id, ...body, recordedBy: actor.accountId })
      .returning({ id: supervisionFindings.id });
    if (s.status === "planned") {
      await tx.update(supervisions).set({ status: "ongoing" }).where(eq(supervisions.id, id));
    }
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "supervision.finding_recorded",
      entityType: "supervision",
      entityId: id,
      orgUnitId: s.orgUnitId,
      data: { findingId: f!.id, foundOn: body.foundOn },
    });
  });
  return supervisionDetail(db, actor, id);
}
