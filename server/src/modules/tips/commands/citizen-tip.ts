import { dateInVietnam, TIP_STATUS_LABELS, type TipStatus } from "@toandan/contracts";
import type { Db } from "../../../db/client";
import type { Envelope } from "../../../kernel/envelope";
import { notFound } from "../../../kernel/errors";
import type { ReceiptVerifier } from "../../citizen";
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
  };
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
