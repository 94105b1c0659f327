import type { AuditAction, CertificationStatus } from "@toandan/contracts";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict } from "../../../kernel/errors";
import type { CycleRow } from "../certification.queries";
import { certificationCycles } from "../certification.table";

/**
 * Writes a step: the new status and fields, guarded on the status read before (a concurrent step
 * in between makes this a 409), with its audit event in the same transaction.
 */
export async function advance(
  db: Db,
  actor: Actor,
  cycle: CycleRow,
  to: CertificationStatus,
  set: Partial<typeof certificationCycles.$inferInsert>,
  action: AuditAction,
  data: Record<string, unknown>,
): Promise<void> {
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(certificationCycles)
      .set({ ...set, status: to, updatedAt: sql`now()` })
      .where(and(eq(certificationCycles.id, cycle.id), eq(certificationCycles.status, cycle.status)))
      .returning({ id: certificationCycles.id });
    if (updated.length === 0) throw conflict("Hồ sơ vừa được người khác cập nhật, vui lòng tải lại.");
    await recordEvent(tx, {
      actorId: actor.accountId,
      action,
      entityType: "certification_cycle",
      entityId: cycle.id,
      orgUnitId: cycle.orgUnitId,
      data: { from: cycle.status, to, ...data },
    });
  });
}
