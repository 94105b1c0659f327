import type { CaseDetail, RecordCaseSupportBody } from "@toandan/contracts";
import { randomUUID } from "node:crypto";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { validationFailed } from "../../../kernel/errors";
import { aad, type CaseCrypto } from "../cases.crypto";
import { caseSupports } from "../cases.table";
import { loadCaseForWrite } from "./load-for-write";
import { readCase } from "./read-case";

/** Support given (job, training, loan, residence, counselling), by the assignee or the commune. */
export async function recordCaseSupport(
  db: Db,
  actor: Actor,
  crypto: CaseCrypto,
  id: string,
  body: RecordCaseSupportBody,
): Promise<CaseDetail> {
  const { row } = await loadCaseForWrite(db, actor, id, "report");
  if (body.providedOn < row.releaseOrDecisionDate) {
    throw validationFailed([
      { path: "providedOn", message: "Ngày hỗ trợ trước ngày ra trại / ngày quyết định" },
    ]);
  }
  const supportId = randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(caseSupports).values({
      id: supportId,
      caseId: id,
      rollupPath: row.rollupPath,
      kind: body.kind,
      providedOn: body.providedOn,
      provider: body.provider,
      notesSealed: body.notes ? crypto.envelope.seal(body.notes, aad(id, `support:${supportId}`)) : null,
      recordedBy: actor.accountId,
    });
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "case.support_recorded",
      entityType: "case",
      entityId: id,
      orgUnitId: row.orgUnitId,
      data: { supportId, kind: body.kind, providedOn: body.providedOn, provider: body.provider },
    });
  });
  return readCase(db, actor, crypto, id, "Ghi hỗ trợ");
}
