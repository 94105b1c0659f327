import type { MediaPartnershipDetail, UpdateMediaPartnershipBody } from "@toandan/contracts";
import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { validationFailed } from "../../../kernel/errors";
import { assertMayRecordMedia } from "../media.policy";
import { getPartnershipRow, partnershipDetail } from "../media.queries";
import { mediaPartnerships } from "../media.table";

const FIELDS = [
  "partnerName",
  "partnerKind",
  "agreementNumber",
  "agreementDate",
  "periodFrom",
  "periodTo",
  "notes",
] as const;
const OPTIONAL = new Set<string>(["agreementNumber", "agreementDate", "notes"]);

/** Edits the partner, the agreement, the period or the notes; audited with the changed fields. */
export async function updateMediaPartnership(
  db: Db,
  actor: Actor,
  id: string,
  body: UpdateMediaPartnershipBody,
): Promise<MediaPartnershipDetail> {
  const row = await getPartnershipRow(db, actor, id, "activity.update");
  assertMayRecordMedia(actor, "activity.update", row);
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const field of FIELDS) {
    let next: unknown = body[field];
    if (next === undefined) continue;
    if (OPTIONAL.has(field) && next === "") next = null;
    if (row[field] !== next) {
      before[field] = row[field];
      after[field] = next;
    }
  }
  const from = (after.periodFrom as string | undefined) ?? row.periodFrom;
  const to = (after.periodTo as string | undefined) ?? row.periodTo;
  if (from > to) throw validationFailed([{ path: "periodTo", message: "Ngày kết thúc trước ngày bắt đầu" }]);
  if (Object.keys(after).length === 0) return partnershipDetail(db, actor, id);
  await db.transaction(async (tx) => {
    await tx.update(mediaPartnerships).set(after).where(eq(mediaPartnerships.id, id));
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "media.partnership_updated",
      entityType: "media_partnership",
      entityId: id,
      orgUnitId: row.orgUnitId,
      data: { before, after },
    });
  });
  return partnershipDetail(db, actor, id);
}
