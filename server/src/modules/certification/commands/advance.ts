import { CERTIFICATION_TRANSITIONS, canTransition } from "@toandan/contracts";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent, type AuditActionData } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict, invalidTransition } from "../../../kernel/errors";
import type { CycleRow } from "../certification.queries";
import { certificationCycles } from "../certification.table";

/** A step's audit event: its data names the move (from the cycle's status to the new one). */
export type StepEvent = AuditActionData<
  | "certification.self_assessed"
  | "certification.reviewed"
  | "certification.appraised"
  | "certification.decided"
>;

/**
 * Writes a step: the new status (the event's `to`) and fields, guarded on the status read before (a
 * concurrent step in between makes this a 409), with its audit event in the same transaction.
 */
export async function advance(
  db: Db,
  actor: Actor,
  cycle: CycleRow,
  set: Partial<typeof certificationCycles.$inferInsert>,
  event: StepEvent,
): Promise<void> {
  const to = event.data.to;
  if (!canTransition(CERTIFICATION_TRANSITIONS, cycle.status, to)) throw invalidTransition(cycle.status, to);
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(certificationCycles)
      .set({ ...set, status: to, updatedAt: sql`now()` })
      .where(and(eq(certificationCycles.id, cycle.id), eq(certificationCycles.status, cycle.status)))
      .returning({ id: certificationCycles.id });
    if (updated.length === 0) throw conflict("Hồ sơ vừa được người khác cập nhật, vui lòng tải lại.");
    await recordEvent(tx, {
      actorId: actor.accountId,
      entityType: "certification_cycle",
      entityId: cycle.id,
      orgUnitId: cycle.orgUnitId,
      ...event,
    });
  });
}
