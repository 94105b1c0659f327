import { randomUUID } from "node:crypto";
import { BREACH_NOTICE_HOURS, dueAfterHours, type Breach, type RecordBreachBody } from "@toandan/contracts";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { validationFailed } from "../../../kernel/errors";
import { loadUnit } from "../../org-units";
import { getBreach } from "../privacy.queries";
import { privacyBreaches } from "../privacy.table";

/** Records a breach at the officer's unit; the notice to A05 is due 72 hours after detection. */
export async function recordBreach(db: Db, actor: Actor, body: RecordBreachBody): Promise<Breach> {
  const unit = await loadUnit(db, actor, body.orgUnitId, { permission: "privacy.manage", scope: "path" });
  if (body.occurredAt && Date.parse(body.occurredAt) > Date.parse(body.detectedAt)) {
    throw validationFailed([
      { path: "occurredAt", message: "Thời điểm xảy ra phải trước thời điểm phát hiện" },
    ]);
  }
  const id = randomUUID();
  const detectedAt = new Date(body.detectedAt).toISOString();
  const noticeDueAt = dueAfterHours(detectedAt, BREACH_NOTICE_HOURS);
  await db.transaction(async (tx) => {
    await tx.insert(privacyBreaches).values({
      id,
      orgUnitId: unit.id,
      rollupPath: unit.path,
      detectedAt: new Date(detectedAt),
      occurredAt: body.occurredAt ? new Date(body.occurredAt) : null,
      place: body.place || null,
      nature: body.nature,
      categories: body.categories,
      dataDescription: body.dataDescription,
      peopleAffected: body.peopleAffected,
      consequences: body.consequences || null,
      actionsTaken: body.actionsTaken,
      contactName: body.contactName,
      contactPhone: body.contactPhone || null,
      noticeDueAt: new Date(noticeDueAt),
      createdBy: actor.accountId,
    });
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "privacy.breach_recorded",
      entityType: "privacy_breach",
      entityId: id,
      orgUnitId: unit.id,
      data: { detectedAt, categories: body.categories, peopleAffected: body.peopleAffected },
    });
  });
  const { rollupPath: _r, ...breach } = await getBreach(db, actor, id);
  return breach;
}
