import type { CertificationUnitType, RecordCertificationHistoryBody } from "@toandan/contracts";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict, validationFailed } from "../../../kernel/errors";
import { loadUnit } from "../../org-units";
import {
  decisionDateIssue,
  historyRow,
  takenMessage,
  takenYears,
  unitYearIssues,
} from "../certification.history";
import { certificationHistory } from "../certification.table";

/**
 * Records one past year's result at the unit of its time. The caller holds `certification.decide`
 * over the unit or — a pre-reform unit — over a current unit it merged into (the org-units lineage):
 * the ward or province that keeps the old unit's records today.
 */
export async function recordCertificationHistory(
  db: Db,
  actor: Actor,
  body: RecordCertificationHistoryBody,
): Promise<string> {
  const unit = await loadUnit(db, actor, body.orgUnitId, { permission: "certification.decide" });
  const issues: { path: string; message: string }[] = unitYearIssues(unit, body.year, body.unitType);
  const dateIssue = decisionDateIssue(body.year, body.decisionDate);
  if (dateIssue) issues.push({ path: "decisionDate", message: dateIssue });
  if (issues.length > 0) throw validationFailed(issues);
  const taken = (await takenYears(db, [{ orgUnitId: unit.id, year: body.year }])).get(
    `${unit.id}|${body.year}`,
  );
  if (taken) throw conflict(`${takenMessage(taken, body.year)}.`);
  const row = historyRow(unit, body, actor.accountId);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(certificationHistory)
      .values(row)
      .returning({ id: certificationHistory.id });
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "certification.history_recorded",
      entityType: "certification_history",
      entityId: created!.id,
      orgUnitId: unit.id,
      data: {
        year: row.year,
        unitType: row.unitType as CertificationUnitType,
        certified: row.certified,
        decisionNumber: row.decisionNumber ?? null,
        decisionDate: row.decisionDate ?? null,
        decisionAuthority: row.decisionAuthority ?? null,
      },
    });
    return created!.id;
  });
}
