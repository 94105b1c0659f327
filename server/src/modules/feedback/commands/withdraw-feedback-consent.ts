import { todayInVietnam } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import type { Envelope } from "../../../kernel/envelope";
import { conflict, notFound } from "../../../kernel/errors";
import { dropContactIndex, type ReceiptVerifier } from "../../citizen";
import { feedbackByCode, feedbackStatusForSender } from "../feedback.queries";

/**
 * The sender withdraws consent to keeping their name, phone and address (Decree 13/2023 Art. 12;
 * Law 91/2025 Art. 4): the sealed identity and its blind index are erased at once; the day is kept
 * with the version agreed to, and the answer states what it means (no written reply can be sent).
 * Not written to the audit chain: its exact time would date a citizen's action (decision 0008); the
 * item's row is the record. A second withdrawal answers the same status; none left to withdraw: 409.
 */
export async function withdrawFeedbackContactConsent(
  db: Db,
  env: Envelope,
  verifier: ReceiptVerifier,
  body: { code: string; secret: string },
) {
  const item = await feedbackByCode(db, body.code);
  if (!verifier.matches(item?.verifier ?? null, body.code, body.secret) || !item) {
    throw notFound("Mã tiếp nhận hoặc mã bí mật không đúng.");
  }
  await db.transaction(async (tx) => {
    const [row] = await queryRows<{ hasContact: boolean; withdrawnOn: string | null }>(
      tx,
      sql`select identity is not null as "hasContact", identity_withdrawn_on::text as "withdrawnOn"
          from feedback_items where id = ${item.id} for update`,
    );
    if (row!.withdrawnOn && !row!.hasContact) return;
    if (!row!.hasContact) throw conflict("Kiến nghị, phản ánh này không có thông tin liên hệ để rút lại.");
    await tx.execute(
      sql`update feedback_items set identity = null, identity_withdrawn_on = ${todayInVietnam()}::date
          where id = ${item.id}`,
    );
    await dropContactIndex(tx, "feedback", [item.id]);
  });
  return feedbackStatusForSender(db, env, verifier, body);
}
