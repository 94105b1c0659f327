import { clockNow } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import type { Envelope } from "../../../kernel/envelope";
import { truncateToHour } from "../../citizen";
import { tipMessages } from "../tips.table";

/**
 * Appends a message to a tip's dialogue; the number is the next within the tip, so messages carry
 * no global order. Used by the citizen (after the secret is checked) and the police.
 */
export async function appendTipMessage(
  tx: Db,
  env: Envelope,
  tipId: string,
  author: "police" | "citizen",
  accountId: string | null,
  body: string,
  now = clockNow(),
): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`update tips set message_count = message_count + 1, awaiting_reply = ${author === "citizen"}
          ${author === "police" ? sql`, receipt_notice_at = coalesce(receipt_notice_at, ${now.toISOString()}::timestamptz)` : sql``}
        where id = ${tipId} returning message_count as n`,
  );
  const n = Number(row!.n);
  await tx.insert(tipMessages).values({
    tipId,
    n,
    author,
    accountId,
    sentHour: truncateToHour(now),
    body: env.seal(body, `tip:${tipId}:message:${n}`),
  });
  return n;
}
