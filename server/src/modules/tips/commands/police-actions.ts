import { z } from "zod";
import {
  ExtendTipDeadlineBodySchema,
  RecordTipOutcomeBodySchema,
  TIP_AGENCY_OUTCOMES,
  TIP_TRANSITIONS,
  TriageTipBodySchema,
  canTransition,
  clockNow,
  dateInVietnam,
  isFinal,
  isStatusOf,
  type TipGround,
} from "@toandan/contracts";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent, type AuditActionData } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import type { Envelope } from "../../../kernel/envelope";
import { AppError, forbidden, invalidTransition, validationFailed } from "../../../kernel/errors";
import { decisionDue } from "../../citizen";
import { extensionRefusal, isInvestigationAgencyOver, suspensionOpen, tipAbilities } from "../tips.policy";
import { getScopedTip, type TipRow } from "../tips.queries";
import { tips } from "../tips.table";
import { appendTipMessage } from "./reply-to-tip";

/** The police's events on a tip; their data starts with the tip's receipt code. */
type TipEvent = AuditActionData<
  "tip.triaged" | "tip.message_sent" | "tip.outcome_recorded" | "tip.extended" | "tip.resumed"
>;

/** dd/mm/yyyy in Vietnam time, for the messages below. */
export function vnDate(at: Date): string {
  const [y, m, d] = dateInVietnam(at).split("-");
  return `${d}/${m}/${y}`;
}

/** A rule of the Code refused the move: 409 in the error shape, the message names its source. */
export const ruleRefused = (message: string) => new AppError("invalid_transition", message);

/** Commune police receive, check and transfer; they do not decide (CPC Art. 146.3, 147.1). */
export const communeMayNotDecide = () =>
  forbidden(
    "Công an cấp xã chỉ tiếp nhận, kiểm tra, xác minh sơ bộ và chuyển tin cho Cơ quan điều tra có thẩm quyền; " +
      "việc khởi tố, không khởi tố, tạm đình chỉ, gia hạn, phục hồi do Cơ quan điều tra quyết định. " +
      "Căn cứ: khoản 3 Điều 146, Điều 147, 148 BLTTHS 2015; khoản 5 Điều 8 Thông tư liên tịch 01/2017.",
  );

async function audited(tx: Db, actor: Actor, tip: TipRow, event: TipEvent) {
  await recordEvent(tx, {
    actorId: actor.accountId,
    entityType: "tip",
    entityId: tip.id,
    orgUnitId: tip.orgUnitId,
    ...event,
  });
}

export async function triageTip(
  db: Db,
  actor: Actor,
  id: string,
  body: z.infer<typeof TriageTipBodySchema>,
): Promise<void> {
  const tip = await getScopedTip(db, actor, id);
  if (isFinal(TIP_TRANSITIONS, tip.status)) throw invalidTransition(tip.status, "triaged");
  // Once transferred, the tip is the investigation agency's (CPC Art. 146.3).
  if (!tipAbilities(actor, tip).triage) throw communeMayNotDecide();
  let duplicateOfId: string | null | undefined;
  if (body.duplicateOfCode) {
    const [dup] = await db
      .select({ id: tips.id })
      .from(tips)
      .where(and(eq(tips.code, body.duplicateOfCode), sql`${tips.id} <> ${id}`));
    const visible = dup ? await getScopedTip(db, actor, dup.id).catch(() => null) : null;
    if (!visible) {
      throw validationFailed([{ path: "duplicateOfCode", message: "Không tìm thấy tin báo có mã này" }]);
    }
    duplicateOfId = visible.id;
  } else if (body.duplicateOfCode === null) duplicateOfId = null;
  await db.transaction(async (tx) => {
    await tx
      .update(tips)
      .set({
        urgency: body.urgency,
        status: tip.status === "new" ? "triaged" : tip.status,
        ...(duplicateOfId !== undefined ? { duplicateOfId } : {}),
      })
      .where(eq(tips.id, id));
    await audited(tx, actor, tip, {
      action: "tip.triaged",
      data: { code: tip.code, urgency: body.urgency, duplicateOfCode: body.duplicateOfCode ?? null },
    });
  });
}

export async function sendTipMessage(
  db: Db,
  env: Envelope,
  actor: Actor,
  id: string,
  text: string,
): Promise<void> {
  const tip = await getScopedTip(db, actor, id);
  await db.transaction(async (tx) => {
    const n = await appendTipMessage(tx, env, tip.id, "police", actor.accountId, text);
    // The message text stays out of the audit log: the chain is not encrypted.
    await audited(tx, actor, tip, { action: "tip.message_sent", data: { code: tip.code, n } });
  });
}

export async function recordTipOutcome(
  db: Db,
  env: Envelope,
  actor: Actor,
  id: string,
  body: z.infer<typeof RecordTipOutcomeBodySchema>,
  now = clockNow(),
): Promise<void> {
  const tip = await getScopedTip(db, actor, id);
  const from = tip.status;
  const agency = isInvestigationAgencyOver(actor, tip.unitPath);
  if ((TIP_AGENCY_OUTCOMES as readonly string[]).includes(body.outcome) && !agency) {
    throw communeMayNotDecide();
  }
  if (!isStatusOf(TIP_TRANSITIONS, from) || !canTransition(TIP_TRANSITIONS, from, body.outcome)) {
    if (from === "new" && (body.outcome === "no_case" || body.outcome === "suspended")) {
      throw ruleRefused(
        "Chỉ được quyết định không khởi tố hoặc tạm đình chỉ sau khi đã kiểm tra, xác minh nguồn tin. " +
          "Căn cứ: khoản 1 Điều 147 BLTTHS 2015.",
      );
    }
    if (from === "suspended") {
      throw ruleRefused(
        "Việc giải quyết đang tạm đình chỉ; cần quyết định phục hồi trước khi ra quyết định khác. " +
          "Căn cứ: khoản 1 Điều 149 BLTTHS 2015.",
      );
    }
    throw invalidTransition(from, body.outcome);
  }
  if (body.outcome === "suspended" && !suspensionOpen(tip, now)) {
    throw ruleRefused(
      `Chỉ được tạm đình chỉ khi hết thời hạn giải quyết (hạn hiện tại ${vnDate(decisionDue(tip.receivedHour, tip.extensionLevel))}). ` +
        "Căn cứ: khoản 1 Điều 148 BLTTHS 2015.",
    );
  }
  const final = body.outcome === "case_opened" || body.outcome === "no_case";
  await db.transaction(async (tx) => {
    await tx
      .update(tips)
      .set({
        status: body.outcome,
        outcome: body.outcome,
        outcomeGround: body.ground ?? null,
        casesSolved: body.casesSolved,
        arrests: body.arrests,
        peopleHandled: body.peopleHandled,
        outcomeNote: body.note ? env.seal(body.note, `tip:${tip.id}:outcome-note`) : tip.outcomeNote,
        ...(body.outcome === "transferred" ? { transferredAt: now } : {}),
        ...(final ? { decidedAt: now } : {}),
        ...(body.outcome === "suspended"
          ? { suspendedAt: now, firstSuspendedAt: tip.firstSuspendedAt ?? now }
          : {}),
      })
      .where(eq(tips.id, id));
    await audited(tx, actor, tip, {
      action: "tip.outcome_recorded",
      data: {
        code: tip.code,
        from,
        outcome: body.outcome,
        ground: body.ground ?? null,
        casesSolved: body.casesSolved,
        arrests: body.arrests,
        peopleHandled: body.peopleHandled,
      },
    });
  });
}

/** A resumption decision: the ground of the suspension has ended (CPC Art. 149.1). */
export async function resumeTip(db: Db, actor: Actor, id: string, now = clockNow()): Promise<void> {
  const tip = await getScopedTip(db, actor, id);
  if (!isInvestigationAgencyOver(actor, tip.unitPath)) throw communeMayNotDecide();
  if (tip.status !== "suspended") throw invalidTransition(tip.status, "triaged");
  await db.transaction(async (tx) => {
    await tx.update(tips).set({ status: "triaged", resumedAt: now }).where(eq(tips.id, id));
    await audited(tx, actor, tip, {
      action: "tip.resumed",
      data: { code: tip.code, ground: (tip.outcomeGround as TipGround | null) ?? null },
    });
  });
}

export async function extendTipDeadline(
  db: Db,
  actor: Actor,
  id: string,
  body: z.infer<typeof ExtendTipDeadlineBodySchema>,
  now = clockNow(),
): Promise<void> {
  const tip = await getScopedTip(db, actor, id);
  if (!isInvestigationAgencyOver(actor, tip.unitPath)) throw communeMayNotDecide();
  if (tip.decidedAt || tip.firstSuspendedAt || isFinal(TIP_TRANSITIONS, tip.status)) {
    throw invalidTransition(tip.status, "extended");
  }
  if (body.level !== tip.extensionLevel + 1) {
    throw validationFailed([
      { path: "level", message: `Lần gia hạn tiếp theo là lần ${tip.extensionLevel + 1}` },
    ]);
  }
  const refusal = extensionRefusal(tip, body.level, now);
  if (refusal?.kind === "expired") {
    throw ruleRefused(
      `Thời hạn giải quyết đã hết ngày ${vnDate(refusal.due)}; không gia hạn sau khi hết hạn. ` +
        "Căn cứ: Điều 147 BLTTHS 2015; Điều 11 Thông tư liên tịch 01/2017.",
    );
  }
  if (refusal?.kind === "too_late") {
    throw ruleRefused(
      `Đề nghị gia hạn phải gửi chậm nhất ${String(refusal.days).padStart(2, "0")} ngày trước khi hết thời hạn ` +
        `(hạn ${vnDate(refusal.due)}). Căn cứ: Điều 147 BLTTHS 2015; Điều 11 Thông tư liên tịch 01/2017.`,
    );
  }
  await db.transaction(async (tx) => {
    await tx.update(tips).set({ extensionLevel: body.level }).where(eq(tips.id, id));
    await audited(tx, actor, tip, { action: "tip.extended", data: { code: tip.code, level: body.level } });
  });
}
