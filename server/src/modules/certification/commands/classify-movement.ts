import type { ClassifyMovementBody, MovementLevel, ScoringSheet } from "@toandan/contracts";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { forbidden, validationFailed } from "../../../kernel/errors";
import { getVisibleCycle } from "../certification.queries";
import { certificationCycles, movementScoringSheets } from "../certification.table";
import { isInScope } from "../../../kernel/authz";

/** The level of a total by the sheet's thresholds (data, not code). */
export function levelOf(total: number, t: ScoringSheet["thresholds"]): MovementLevel {
  if (total >= t.excellent) return "excellent";
  if (total >= t.good) return "good";
  if (total >= t.average) return "average";
  return "below_average";
}

/** Scores the year's movement on a configurable sheet (Decision 510/QĐ-BCA-V05) and stores the level. */
export async function classifyMovement(db: Db, actor: Actor, id: string, body: ClassifyMovementBody) {
  const cycle = await getVisibleCycle(db, actor, id);
  if (!isInScope(actor, "certification.self_assess", cycle.unitPath)) throw forbidden();
  const [sheet] = await db
    .select()
    .from(movementScoringSheets)
    .where(eq(movementScoringSheets.code, body.sheetCode));
  if (!sheet) throw validationFailed([{ path: "sheetCode", message: "Không có phiếu chấm điểm này" }]);
  const criteria = sheet.criteria as ScoringSheet["criteria"];
  const issues = [];
  for (const [code, points] of Object.entries(body.scores)) {
    const c = criteria.find((x) => x.code === code);
    if (!c) issues.push({ path: `scores.${code}`, message: "Tiêu chí không có trong phiếu" });
    else if (points > c.maxPoints) {
      issues.push({ path: `scores.${code}`, message: `Tối đa ${c.maxPoints} điểm` });
    }
  }
  if (issues.length > 0) throw validationFailed(issues);
  const total = Math.round(Object.values(body.scores).reduce((a, b) => a + b, 0) * 100) / 100;
  const classification = {
    sheetCode: sheet.code,
    scores: body.scores,
    total,
    level: levelOf(total, sheet.thresholds as ScoringSheet["thresholds"]),
  };
  await db.transaction(async (tx) => {
    await tx
      .update(certificationCycles)
      .set({ classification, updatedAt: sql`now()` })
      .where(eq(certificationCycles.id, cycle.id));
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "certification.classified",
      entityType: "certification_cycle",
      entityId: cycle.id,
      orgUnitId: cycle.orgUnitId,
      data: classification,
    });
  });
  return classification;
}
