import { RecordTipNoticeBodySchema, TIP_STATUS_LABELS, clockNow, type TipStatus } from "@toandan/contracts";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import type { Envelope } from "../../../kernel/envelope";
import { validationFailed } from "../../../kernel/errors";
import { isInvestigationAgencyOver } from "../tips.policy";
import { getScopedTip } from "../tips.queries";
import { tipNotices } from "../tips.table";
import { communeMayNotDecide, ruleRefused } from "./police-actions";
import { appendTipMessage } from "./reply-to-tip";

/**
 * The status-only text a reporter reads by receipt code when told in the system: never the
 * decision's internal content (CPC Art. 56 and 145: the reporter is told the result).
 */
function reporterText(kind: "suspension" | "resumption" | "outcome", status: TipStatus): string {
  if (kind === "suspension") {
    return "Thông báo: Cơ quan điều tra đã quyết định tạm đình chỉ việc giải quyết tin báo (Điều 148 BLTTHS 2015).";
  }
  if (kind === "resumption") {
    return "Thông báo: Cơ quan điều tra đã quyết định phục hồi việc giải quyết tin báo (Điều 149 BLTTHS 2015).";
  }
  return `Thông báo kết quả giải quyết tin báo: ${TIP_STATUS_LABELS[status].vi}.`;
}

/**
 * Records a notice about a decision: the suspension to the procuracy and the reporter within 24
 * hours (CPC Art. 148.2), the resumption within 3 days (Art. 149.2), the outcome to the reporter
 * within 3 days (JC 01/2017 Art. 14). "in_app" to the reporter sends the status-only text above
 * into the tip's dialogue, so the notice is the message itself.
 */
export async function recordTipNotice(
  db: Db,
  env: Envelope,
  actor: Actor,
  id: string,
  body: z.infer<typeof RecordTipNoticeBodySchema>,
  now = clockNow(),
): Promise<void> {
  const tip = await getScopedTip(db, actor, id);
  if (!isInvestigationAgencyOver(actor, tip.unitPath)) throw communeMayNotDecide();
  const decidedAt =
    body.kind === "suspension" ? tip.suspendedAt : body.kind === "resumption" ? tip.resumedAt : tip.decidedAt;
  if (!decidedAt) {
    throw ruleRefused(
      body.kind === "outcome"
        ? "Chưa có quyết định khởi tố hoặc không khởi tố để thông báo kết quả."
        : body.kind === "suspension"
          ? "Tin báo chưa có quyết định tạm đình chỉ."
          : "Tin báo chưa có quyết định phục hồi.",
    );
  }
  if (body.recipient === "procuracy" && body.channel === "in_app") {
    throw validationFailed([
      { path: "channel", message: "Gửi Viện kiểm sát bằng công văn, giao liên, bưu điện hoặc trực tiếp" },
    ]);
  }
  const inApp = body.channel === "in_app";
  const sentAt = inApp || !body.sentAt ? now : new Date(body.sentAt);
  if (sentAt.getTime() > now.getTime()) {
    throw validationFailed([{ path: "sentAt", message: "Thời điểm gửi không được ở tương lai" }]);
  }
  if (sentAt.getTime() < decidedAt.getTime()) {
    throw validationFailed([
      { path: "sentAt", message: "Thời điểm gửi không được trước thời điểm ra quyết định" },
    ]);
  }
  await db.transaction(async (tx) => {
    if (inApp) {
      await appendTipMessage(
        tx,
        env,
        tip.id,
        "police",
        actor.accountId,
        reporterText(body.kind, tip.status as TipStatus),
        now,
      );
    }
    await tx.insert(tipNotices).values({
      id: randomUUID(),
      tipId: tip.id,
      kind: body.kind,
      recipient: body.recipient,
      channel: body.channel,
      documentNumber: body.documentNumber ?? null,
      sentAt,
      recordedBy: actor.accountId,
    });
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "tip.notice_recorded",
      entityType: "tip",
      entityId: tip.id,
      orgUnitId: tip.orgUnitId,
      data: {
        code: tip.code,
        kind: body.kind,
        recipient: body.recipient,
        channel: body.channel,
        sentAt: sentAt.toISOString(),
      },
    });
  });
}
