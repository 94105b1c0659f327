import type { AuditAction } from "@toandan/contracts";
import { z } from "zod";
import {
  ExtendTipDeadlineBodySchema,
  RecordTipOutcomeBodySchema,
  TriageTipBodySchema,
  clockNow,
} from "@toandan/contracts";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import type { Envelope } from "../../../kernel/envelope";
import { invalidTransition, validationFailed } from "../../../kernel/errors";
import { getScopedTip, type TipRow } from "../tips.queries";
import { tips } from "../tips.table";
import { appendTipMessage } from "./reply-to-tip";

/** Statuses in which the police still handle the tip, and the legal moves out of each. */
export const TIP_TRANSITIONS: Record<string, readonly string[]> = {
  new: ["triaged", "transferred", "case_opened", "no_case", "suspended"],
  triaged: ["transferred", "case_opened", "no_case", "suspended"],
  transferred: ["case_opened", "no_case", "suspended"],
  suspended: ["case_opened", "no_case"],
  case_opened: [],
  no_case: [],
};

async function audited(
  tx: Db,
  actor: Actor,
  tip: TipRow,
  action: AuditAction,
  data: Record<string, unknown>,
) {
  await recordEvent(tx, {
    actorId: actor.accountId,
    action,
    entityType: "tip",
    entityId: tip.id,
    orgUnitId: tip.orgUnitId,
    data: { code: tip.code, ...data },
  });
}

export async function triageTip(
  db: Db,
  actor: Actor,
  id: string,
  body: z.infer<typeof TriageTipBodySchema>,
): Promise<void> {
  const tip = await getScopedTip(db, actor, id);
  if (tip.status === "case_opened" || tip.status === "no_case") {
    throw invalidTransition(tip.status, "triaged");
  }
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
    await audited(tx, actor, tip, "tip.triaged", {
      urgency: body.urgency,
      duplicateOfCode: body.duplicateOfCode ?? null,
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
    await audited(tx, actor, tip, "tip.message_sent", { n });
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
  if (!TIP_TRANSITIONS[tip.status]?.includes(body.outcome)) throw invalidTransition(tip.status, body.outcome);
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
    await audited(tx, actor, tip, "tip.outcome_recorded", {
      from: tip.status,
      outcome: body.outcome,
      casesSolved: body.casesSolved,
      arrests: body.arrests,
      peopleHandled: body.peopleHandled,
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
    await audited(tx, actor, tip, "tip.extended", { level: body.level });
  });
}
