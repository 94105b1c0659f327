import { todayInVietnam, formatVnDate } from "@toandan/contracts";
import { randomUUID } from "node:crypto";
import type { ApiIssue, RecordCommitmentBody } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict, validationFailed } from "../../../kernel/errors";
import { householdCommitments } from "../households.table";
import { getWritableHousehold } from "../households.queries";
import { templateForPath } from "../commitment-templates";

// The optional scan of the signed form is attached afterwards (commitment-scan.ts).

/** Records a household's signed commitment for a year (one per household and year). */
export async function recordCommitment(
  db: Db,
  actor: Actor,
  householdId: string,
  body: RecordCommitmentBody,
): Promise<string> {
  return db.transaction(async (tx) => {
    const household = await getWritableHousehold(tx, actor, householdId);
    const issues: ApiIssue[] = [];
    if (body.signedOn > todayInVietnam()) {
      issues.push({ path: "signedOn", message: "Ngày không được ở tương lai" });
    } else if (!body.signedOn.startsWith(`${body.year}-`)) {
      issues.push({ path: "signedOn", message: `Ngày ký phải thuộc năm ${body.year}` });
    } else if (household.movedOutOn && household.movedOutOn < body.signedOn) {
      issues.push({
        path: "signedOn",
        message: `Hộ đã chuyển đi từ ngày ${formatVnDate(household.movedOutOn)}`,
      });
    }
    if (issues.length) throw validationFailed(issues);
    const formVersion = body.templateId
      ? (await templateForPath(tx, household.rollupPath, body.templateId)).name
      : body.formVersion!;
    const [existing] = await queryRows<{ id: string }>(
      tx,
      sql`select id from household_commitments where household_id = ${householdId} and year = ${body.year}`,
    );
    if (existing) throw conflict(`Hộ đã có cam kết năm ${body.year}`);
    const id = randomUUID();
    await tx.insert(householdCommitments).values({
      id,
      householdId,
      rollupPath: household.rollupPath,
      year: body.year,
      signedOn: body.signedOn,
      formVersion,
      recordedBy: actor.accountId,
    });
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "commitment.recorded",
      entityType: "household_commitment",
      entityId: id,
      orgUnitId: household.orgUnitId,
      data: { householdId, year: body.year, signedOn: body.signedOn, formVersion },
    });
    return id;
  });
}
