import { z } from "zod";
import {
  ExtendTipDeadlineBodySchema,
  RecordTipOutcomeBodySchema,
  TIP_TRANSITIONS,
  TriageTipBodySchema,
  canTransition,
  clockNow,
  isFinal,
  isStatusOf,
} from "@toandan/contracts";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent, type AuditActionData } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import type { Envelope } from "../../../kernel/envelope";
import { invalidTransition, validationFailed } from "../../../kernel/errors";
import { getScopedTip, type TipRow } from "../tips.queries";
import { tips } from "../tips.table";
import { appendTipMessage } from "./reply-to-tip";

/** The police's events on a tip; their data starts with the tip's receipt code. */
type TipEvent = AuditActionData<"tip.triaged" | "tip.message_sent" | "tip.outcome_recorded" | "tip.extended">;

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
  if (!isStatusOf(TIP_TRANSITIONS, from) || !canTransition(TIP_TRANSITIONS, from, body.outcome)) {
    throw invalidTransition(from, body.outcome);
  }
  const decided = body.outcome !== "transferred";
  await db.transaction(async (tx) => {
    await tx
      .update(tips)
      .set({
        status: body.outcome,
        outcome: body.outcome,
        casesSolved: body.casesSolved,
        arrests: body.arrests,
        peopleHandled: body.peopleHandled,
        outcomeNote: body.note ? env.seal(body.note, `tip:${tip.id}:outcome-note`) : tip.outcomeNote,
        ...(body.outcome === "transferred" ? { transferredAt: now } : {}),
        ...(decided ? { decidedAt: now } : {}),
      })
      .where(eq(tips.id, id));
    await audited(tx, actor, tip, {
      action: "tip.outcome_recorded",
      data: {
        code: tip.code,
        from,
        outcome: body.outcome,
        casesSolved: body.casesSolved,
        arrests: body.arrests,
        peopleHandled: body.peopleHandled,
      },
    });
  });
}

export async function extendTipDeadline(
  db: Db,
  actor: Actor,
  id: string,
  body: z.infer<typeof ExtendTipDeadlineBodySchema>,
): Promise<void> {
  const tip = await getScopedTip(db, actor, id);
  if (tip.decidedAt) throw invalidTransition(tip.status, "extended");
  if (body.level !== tip.extensionLevel + 1) {
    throw validationFailed([
      { path: "level", message: `Lần gia hạn tiếp theo là lần ${tip.extensionLevel + 1}` },
    ]);
  }
  await db.transaction(async (tx) => {
    await tx.update(tips).set({ extensionLevel: body.level }).where(eq(tips.id, id));
    await audited(tx, actor, tip, { action: "tip.extended", data: { code: tip.code, level: body.level } });
  });
}
