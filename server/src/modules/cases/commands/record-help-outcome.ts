import type { CaseDetail, RecordHelpOutcomeBody } from "@toandan/contracts";
import { and, eq, sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { notFound, validationFailed } from "../../../kernel/errors";
import { aad, type CaseCrypto } from "../cases.crypto";
import { caseHelpInstances } from "../cases.table";
import { dateIssues, type Issue } from "./help-rules";
import { loadCaseForWrite } from "./load-for-write";
import { readCase } from "./read-case";

/** The outcome of a help instance: reformed ("hoàn lương") or relapsed ("tái phạm"); once only. */
export async function recordHelpOutcome(
  db: Db,
  actor: Actor,
  crypto: CaseCrypto,
  id: string,
  instanceId: string,
  body: RecordHelpOutcomeBody,
): Promise<CaseDetail> {
  const { row } = await loadCaseForWrite(db, actor, id, "report");
  const [inst] = await queryRows<{ receivedOn: string; outcome: string; notesSealed: Uint8Array | null }>(
    db,
    sql`select received_on::text as "receivedOn", outcome, notes_sealed as "notesSealed" from case_help_instances
        where id = ${instanceId} and case_id = ${id}`,
  );
  if (!inst) throw notFound();
  const issues: Issue[] = [];
  if (inst.outcome !== "ongoing") {
    issues.push({ path: "outcome", message: "Lượt giúp đỡ này đã có kết quả" });
  }
  issues.push(
    ...dateIssues("outcomeOn", body.outcomeOn, inst.receivedOn, "Ngày có kết quả trước ngày tiếp nhận"),
  );
  if (issues.length) throw validationFailed(issues);
  // Notes on the outcome follow the notes of the reception, sealed again as one value.
  const field = aad(id, `help:${instanceId}`);
  const before = inst.notesSealed ? crypto.envelope.openText(Buffer.from(inst.notesSealed), field) : null;
  const notes = body.notes ? [before, body.notes].filter(Boolean).join("\n") : null;
  await db.transaction(async (tx) => {
    await tx
      .update(caseHelpInstances)
      .set({
        outcome: body.outcome,
        outcomeOn: body.outcomeOn,
        ...(notes ? { notesSealed: crypto.envelope.seal(notes, field) } : {}),
      })
      .where(and(eq(caseHelpInstances.id, instanceId), eq(caseHelpInstances.outcome, "ongoing")));
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "case.help_outcome_recorded",
      entityType: "case",
      entityId: id,
      orgUnitId: row.orgUnitId,
      data: { instanceId, outcome: body.outcome, outcomeOn: body.outcomeOn },
    });
  });
  return readCase(db, actor, crypto, id, "Ghi kết quả lượt giúp đỡ");
}
