import type { CaseDetail, CaseKind, CloseCaseBody } from "@toandan/contracts";
import { todayInVietnam } from "@toandan/contracts";
import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { validationFailed } from "../../../kernel/errors";
import { aad, type CaseCrypto } from "../cases.crypto";
import { closeOutcomesFor } from "../cases.regimes";
import { cases } from "../cases.table";
import { loadCaseForWrite } from "./load-for-write";
import { readCase } from "./read-case";

/**
 * Ends supervision on a legal ground (Circular 10/2024 Art. 14, HCD-10/11; Decree 120/2021 for
 * education at the commune [?]). A move is not closed here: it is `transferCase` (Art. 15). An
 * education term ends early only from half its length (Decree 120/2021 [?]). A closed file is final.
 */
export async function closeCase(
  db: Db,
  actor: Actor,
  crypto: CaseCrypto,
  id: string,
  body: CloseCaseBody,
): Promise<CaseDetail> {
  const { row } = await loadCaseForWrite(db, actor, id, "manage", "closed");
  const issues = [];
  if (body.outcome === "moved") {
    issues.push({
      path: "outcome",
      message:
        "Người chuyển nơi cư trú: chuyển hồ sơ cho xã, phường nơi đến (Điều 15 Thông tư 10/2024/TT-BCA)",
    });
  } else if (!closeOutcomesFor(row.kind as CaseKind).includes(body.outcome)) {
    issues.push({ path: "outcome", message: "Căn cứ kết thúc không áp dụng cho diện quản lý này" });
  }
  if (body.closedOn < row.reportedInOn) {
    issues.push({ path: "closedOn", message: "Ngày kết thúc trước ngày trình diện" });
  }
  if (body.closedOn > todayInVietnam()) {
    issues.push({ path: "closedOn", message: "Ngày kết thúc không thể ở tương lai" });
  }
  if (body.outcome === "ended_early" && row.earlyEndFrom && body.closedOn < row.earlyEndFrom) {
    issues.push({
      path: "closedOn",
      message: "Chỉ chấm dứt trước thời hạn khi đã chấp hành một nửa thời hạn",
    });
  }
  if (issues.length) throw validationFailed(issues);
  await db.transaction(async (tx) => {
    await tx
      .update(cases)
      .set({
        status: "closed",
        outcome: body.outcome,
        closedOn: body.closedOn,
        closeNotesSealed: body.notes ? crypto.envelope.seal(body.notes, aad(id, "close_notes")) : null,
        updatedAt: new Date(),
      })
      .where(eq(cases.id, id));
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "case.closed",
      entityType: "case",
      entityId: id,
      orgUnitId: row.orgUnitId,
      data: { outcome: body.outcome, closedOn: body.closedOn, decisionNumber: body.decisionNumber ?? null },
    });
  });
  return readCase(db, actor, crypto, id, "Ghi kết thúc quản lý");
}
