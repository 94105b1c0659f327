import { todayInVietnam, type CaseDetail, type ReceiveCaseTransferBody } from "@toandan/contracts";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict, validationFailed } from "../../../kernel/errors";
import { ancestorsOf, loadUnit, provinceOf } from "../../org-units";
import type { CaseCrypto } from "../cases.crypto";
import { reassignDueOn } from "../cases.regimes";
import { caseHoldings, cases, caseTransfers } from "../cases.table";
import { loadCaseForWrite } from "./load-for-write";
import { readCase } from "./read-case";

/**
 * The receiving commune takes the file over ("nhận hồ sơ") once it has checked that the person
 * lives there: within 5 working days of the transfer (Circular 10/2024 Art. 15), the residence
 * check within 3 (Art. 8 by analogy [?]). Late receipt is allowed and recorded as late. The file
 * returns to "reported in": the commune chairman assigns anew (Art. 10).
 */
export async function receiveCaseTransfer(
  db: Db,
  actor: Actor,
  crypto: CaseCrypto,
  id: string,
  body: ReceiveCaseTransferBody,
): Promise<CaseDetail> {
  const { row } = await loadCaseForWrite(db, actor, id, "manage", "reported_in");
  if (row.status !== "transferring" || !row.pendingTransferId) {
    throw conflict("Hồ sơ không có lần chuyển nào đang chờ nhận.");
  }
  const transferredOn = row.pendingTransferredOn!;
  const unit = await loadUnit(db, actor, body.orgUnitId, { permission: "case.manage", scope: "path" });
  const parent = unit.kind === "commune" ? unit : (await ancestorsOf(db, unit)).at(-1);
  const issues = [];
  if (unit.validTo || parent?.id !== row.communeId) {
    issues.push({ path: "orgUnitId", message: "Nơi cư trú phải thuộc xã, phường nhận hồ sơ" });
  }
  const today = todayInVietnam();
  for (const f of ["residenceCheckedOn", "receivedOn"] as const) {
    if (body[f] < transferredOn) issues.push({ path: f, message: "Ngày trước ngày chuyển hồ sơ" });
    else if (body[f] > today) issues.push({ path: f, message: "Ngày không thể ở tương lai" });
  }
  if (issues.length) throw validationFailed(issues);
  const assignDueOn = reassignDueOn(body.receivedOn);
  const transferId = row.pendingTransferId;
  await db.transaction(async (tx) => {
    await tx
      .update(caseTransfers)
      .set({
        receivedOn: body.receivedOn,
        residenceCheckedOn: body.residenceCheckedOn,
        receivedBy: actor.accountId,
      })
      .where(eq(caseTransfers.id, transferId));
    await tx
      .update(cases)
      .set({
        status: "reported_in",
        orgUnitId: unit.id,
        provinceId: provinceOf(unit.path),
        rollupPath: unit.path,
        assignDueOn,
        updatedAt: new Date(),
      })
      .where(eq(cases.id, id));
    // The residence may be a residential area of the commune: the holding follows it.
    await tx
      .update(caseHoldings)
      .set({ rollupPath: unit.path })
      .where(and(eq(caseHoldings.caseId, id), isNull(caseHoldings.heldUntil)));
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "case.transfer_received",
      entityType: "case",
      entityId: id,
      orgUnitId: unit.id,
      data: {
        transferId,
        orgUnitId: unit.id,
        receivedOn: body.receivedOn,
        residenceCheckedOn: body.residenceCheckedOn,
        onTime: body.receivedOn <= row.pendingReceiveDueOn!,
        assignDueOn,
      },
    });
  });
  return readCase(db, actor, crypto, id, "Nhận hồ sơ chuyển đến");
}
