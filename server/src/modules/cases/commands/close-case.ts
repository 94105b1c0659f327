import type { CaseDetail, CloseCaseBody } from "@toandan/contracts";
import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { validationFailed } from "../../../kernel/errors";
import { aad, type CaseCrypto } from "../cases.crypto";
import { cases } from "../cases.table";
import { loadCaseForWrite } from "./load-for-write";
import { readCase } from "./read-case";

/** Ends supervision with its outcome (Circular 10/2024 Art. 14, HCD-10/11). A closed file is final. */
export async function closeCase(
  db: Db,
  actor: Actor,
  crypto: CaseCrypto,
  id: string,
  body: CloseCaseBody,
): Promise<CaseDetail> {
  const { row } = await loadCaseForWrite(db, actor, id, "manage", "closed");
  if (body.closedOn < row.reportedInOn) {
    throw validationFailed([{ path: "closedOn", message: "Ngày kết thúc trước ngày trình diện" }]);
  }
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
