import type { Db } from "../../db/client";
import { recordEvent } from "../../kernel/audit";
import type { Actor } from "../../kernel/authz";
import type { AccessBasis } from "./cases.policy";
import { caseAccessLog } from "./cases.table";

/**
 * Logs one access to case files (who, on what basis, for which purpose and why) in the access log
 * and the audit chain, in the caller's transaction: no read without its record.
 */
export async function logCaseAccess(
  tx: Db,
  actor: Actor,
  entry: {
    caseIds: string[];
    basis: AccessBasis | "export";
    purpose: "read" | "list" | "export";
    reason: string;
    orgUnitId?: string;
  },
): Promise<void> {
  if (entry.caseIds.length) {
    await tx.insert(caseAccessLog).values(
      entry.caseIds.map((caseId) => ({
        caseId,
        accountId: actor.accountId,
        basis: entry.basis,
        purpose: entry.purpose,
        reason: entry.reason,
      })),
    );
  }
  await recordEvent(tx, {
    actorId: actor.accountId,
    action:
      entry.purpose === "read" ? "case.read" : entry.purpose === "list" ? "case.listed" : "case.exported",
    entityType: "case",
    entityId: entry.caseIds.length === 1 ? entry.caseIds[0]! : null,
    orgUnitId: entry.orgUnitId ?? null,
    data: { basis: entry.basis, reason: entry.reason, caseIds: entry.caseIds },
  });
}
