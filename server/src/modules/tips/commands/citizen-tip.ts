import { dateInVietnam, TIP_STATUS_LABELS, todayInVietnam, type TipStatus } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import type { Envelope } from "../../../kernel/envelope";
import { conflict, notFound } from "../../../kernel/errors";
import { contactConsentState, dropContactIndex, type ReceiptVerifier } from "../../citizen";
import { presentMessages } from "../tips.presenter";
import { messagesOf, tipByCode, type TipRow } from "../tips.queries";
import { appendTipMessage } from "./reply-to-tip";

/** Same 404 for an unknown code and a wrong secret. */
async function tipForCitizen(
  db: Db,
  verifier: ReceiptVerifier,
  code: string,
  secret: string,
): Promise<TipRow> {
  const tip = await tipByCode(db, code);
  if (!verifier.matches(tip?.verifier ?? null, code, secret) || !tip) {
    throw notFound("Mã tiếp nhận hoặc mã bí mật không đúng.");
  }
  return tip;
}

async function statusOf(db: Db, env: Envelope, tip: TipRow) {
  const status = tip.status as TipStatus;
  return {
    code: tip.code,
    status,
    statusLabel: TIP_STATUS_LABELS[status].vi,
    receivedOn: dateInVietnam(tip.receivedHour),
    // A status only (JC 01/2017 Art. 14): the day the outcome was notified, never its content.
    outcomeNoticeOn: tip.outcomeNoticedAt ? dateInVietnam(tip.outcomeNoticedAt) : null,
    messages: presentMessages(env, tip.id, await messagesOf(db, tip.id)),
    contactConsent: await contactConsentOf(db, tip.id),
  };
}

async function contactConsentOf(db: Db, tipId: string) {
  const [r] = await queryRows<{
    consentTextId: string | null;
    withdrawnOn: string | null;
    hasContact: boolean;
  }>(
    db,
    sql`select contact_consent_text_id as "consentTextId", contact_withdrawn_on::text as "withdrawnOn",
          contact is not null as "hasContact" from tips where id = ${tipId}`,
  );
  return contactConsentState(db, r!);
}

/** Said in the dialogue so the police know at once not to call (hour only, like every message). */
const WITHDRAWN_MESSAGE =
  "Người báo tin đã rút lại sự đồng ý lưu thông tin liên hệ; thông tin liên hệ đã được xóa. Trao đổi tiếp qua mục này.";

/**
 * The tipster withdraws consent to keeping their contact details (Decree 13/2023 Art. 12; Law
 * 91/2025 Art. 4): the sealed contact and its blind index are erased at once, the day is kept with
 * the version agreed to, and the police read it in the dialogue. Not written to the audit chain:
 * its exact time would date a citizen's action (decision 0008); the tip row is the record. A second
 * withdrawal answers the same status; a tip that never had contact details is 409.
 */
export async function withdrawTipContactConsent(
  db: Db,
  env: Envelope,
  verifier: ReceiptVerifier,
  body: { code: string; secret: string },
) {
  const tip = await tipForCitizen(db, verifier, body.code, body.secret);
  await db.transaction(async (tx) => {
    const [row] = await queryRows<{ hasContact: boolean; withdrawnOn: string | null }>(
      tx,
      sql`select contact is not null as "hasContact", contact_withdrawn_on::text as "withdrawnOn"
          from tips where id = ${tip.id} for update`,
    );
    if (row!.withdrawnOn && !row!.hasContact) return;
    if (!row!.hasContact) throw conflict("Tin báo này không có thông tin liên hệ để rút lại.");
    await tx.execute(
      sql`update tips set contact = null, contact_withdrawn_on = ${todayInVietnam()}::date where id = ${tip.id}`,
    );
    await dropContactIndex(tx, "tip", [tip.id]);
    await appendTipMessage(tx, env, tip.id, "citizen", null, WITHDRAWN_MESSAGE);
  });
  return statusOf(db, env, (await tipByCode(db, tip.code))!);
}

/** The tipster's view of a tip: status and dialogue, by receipt code and secret. */
export async function tipStatusForCitizen(
  db: Db,
  env: Envelope,
  verifier: ReceiptVerifier,
  body: { code: string; secret: string },
) {
  return statusOf(db, env, await tipForCitizen(db, verifier, body.code, body.secret));
}

/** The tipster adds information or answers the police; answers the updated status. */
export async function replyAsTipster(
  db: Db,
  env: Envelope,
  verifier: ReceiptVerifier,
  body: { code: string; secret: string; body: string },
) {
  const tip = await tipForCitizen(db, verifier, body.code, body.secret);
  await db.transaction((tx) => appendTipMessage(tx, env, tip.id, "citizen", null, body.body));
  return statusOf(db, env, (await tipByCode(db, tip.code))!);
}
