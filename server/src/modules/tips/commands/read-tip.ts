import type { TipDetail } from "@toandan/contracts";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import type { Envelope } from "../../../kernel/envelope";
import { presentTipDetail } from "../tips.presenter";
import { attachmentsOf, getScopedTip, messagesOf, noticesOf } from "../tips.queries";

/** A tip's content for the police of its unit; every read is on the record (who, which tip, when). */
export async function readTip(db: Db, env: Envelope, actor: Actor, id: string): Promise<TipDetail> {
  const tip = await getScopedTip(db, actor, id);
  await db.transaction((tx) =>
    recordEvent(tx, {
      actorId: actor.accountId,
      action: "tip.content_read",
      entityType: "tip",
      entityId: tip.id,
      orgUnitId: tip.orgUnitId,
      data: { code: tip.code },
    }),
  );
  return presentTipDetail(
    env,
    actor,
    tip,
    await messagesOf(db, tip.id),
    await attachmentsOf(db, tip.id),
    await noticesOf(db, tip.id),
  );
}
