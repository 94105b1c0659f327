import { todayInVietnam, type TransferCaseBody, type TransferCaseResult } from "@toandan/contracts";
import { randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { validationFailed } from "../../../kernel/errors";
import { provinceOf } from "../../org-units";
import { aad, type CaseCrypto } from "../cases.crypto";
import { reassignDueOn, transferDueDates } from "../cases.regimes";
import { caseHoldings, cases, caseTransfers } from "../cases.table";
import { loadCaseForWrite } from "./load-for-write";

/** A current commune anywhere in the country (a move may cross provinces), or null. */
async function findCurrentCommune(db: Db, id: string) {
  const [u] = await queryRows<{ id: string; path: string; name: string }>(
    db,
    sql`select id, path, full_name as name from org_units
        where id = ${id} and kind = 'commune' and valid_to is null`,
  );
  return u ?? null;
}

/**
 * The sending commune records that the person moved (Circular 10/2024 Art. 14: moving ends its
 * management; Art. 15: the file goes to the commune of arrival). The file, and with it every read
 * and write, moves to the receiving commune at once: the sender's users no longer find it (404);
 * its reports, classifications and supports stay in the file for the receiver. The assignment
 * ends (the assignee belongs to the old commune); the receiver assigns anew after receiving.
 */
export async function transferCase(
  db: Db,
  actor: Actor,
  crypto: CaseCrypto,
  id: string,
  body: TransferCaseBody,
): Promise<TransferCaseResult> {
  const { row } = await loadCaseForWrite(db, actor, id, "manage", "transferring");
  const today = todayInVietnam();
  const dest = await findCurrentCommune(db, body.toCommuneId);
  const issues = [];
  if (!dest) {
    issues.push({ path: "toCommuneId", message: "Nơi chuyển đến phải là một xã, phường hiện hành" });
  } else if (dest.id === row.communeId) {
    issues.push({ path: "toCommuneId", message: "Nơi chuyển đến trùng xã, phường đang quản lý" });
  }
  if (body.movedOn > today) issues.push({ path: "movedOn", message: "Ngày chuyển đi không thể ở tương lai" });
  if (body.movedOn < row.reportedInOn) {
    issues.push({ path: "movedOn", message: "Ngày chuyển đi trước ngày trình diện" });
  }
  if (issues.length || !dest) throw validationFailed(issues);
  const transferId = randomUUID();
  const due = transferDueDates(today);
  await db.transaction(async (tx) => {
    await tx.insert(caseTransfers).values({
      id: transferId,
      caseId: id,
      fromOrgUnitId: row.orgUnitId,
      fromCommuneId: row.communeId,
      fromRollupPath: row.rollupPath,
      toCommuneId: dest.id,
      toRollupPath: dest.path,
      movedOn: body.movedOn,
      transferredOn: today,
      reasonSealed: crypto.envelope.seal(body.reason, aad(id, `transfer:${transferId}`)),
      previousAssigneeBodyId: row.assigneeBodyId,
      ...due,
      createdBy: actor.accountId,
    });
    // Statistics: the sender held the file until today, the receiver holds it from today.
    await tx
      .update(caseHoldings)
      .set({ heldUntil: today })
      .where(and(eq(caseHoldings.caseId, id), isNull(caseHoldings.heldUntil)));
    await tx
      .insert(caseHoldings)
      .values({ caseId: id, communeId: dest.id, rollupPath: dest.path, heldFrom: today });
    await tx
      .update(cases)
      .set({
        status: "transferring",
        orgUnitId: dest.id,
        communeId: dest.id,
        provinceId: provinceOf(dest.path),
        rollupPath: dest.path,
        assigneeBodyId: null,
        mentorNameSealed: null,
        decisionNumber: null,
        decidedOn: null,
        // Provisional: reset from the day of receipt (receiveCaseTransfer).
        assignDueOn: reassignDueOn(due.receiveDueOn),
        updatedAt: new Date(),
      })
      .where(eq(cases.id, id));
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "case.transferred",
      entityType: "case",
      entityId: id,
      orgUnitId: row.orgUnitId,
      data: {
        transferId,
        fromCommuneId: row.communeId,
        toCommuneId: dest.id,
        movedOn: body.movedOn,
        transferredOn: today,
        ...due,
        previousAssigneeBodyId: row.assigneeBodyId,
      },
    });
  });
  return { id, transferId, toCommuneId: dest.id, toCommuneName: dest.name, transferredOn: today, ...due };
}
