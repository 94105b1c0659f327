import type { AssignCaseBody, CaseDetail } from "@toandan/contracts";
import { eq, sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { validationFailed } from "../../../kernel/errors";
import { aad, type CaseCrypto } from "../cases.crypto";
import { cases } from "../cases.table";
import { loadCaseForWrite } from "./load-for-write";
import { readCase } from "./read-case";

/**
 * Records the commune chairman's assignment decision (HCD-07): one body (a commune organisation or a
 * residential-area team) directly responsible, optionally a named mentor. Re-assignment replaces it.
 */
export async function assignCase(
  db: Db,
  actor: Actor,
  crypto: CaseCrypto,
  id: string,
  body: AssignCaseBody,
): Promise<CaseDetail> {
  const { row } = await loadCaseForWrite(db, actor, id, "manage", "assigned");
  const [commune] = await queryRows<{ path: string }>(
    db,
    sql`select path from org_units where id = ${row.communeId}`,
  );
  const [assignee] = await queryRows<{ id: string }>(
    db,
    sql`select b.id from bodies b join org_units u on u.id = b.org_unit_id
        where b.id = ${body.assigneeBodyId} and u.path like ${`${commune!.path}%`} and u.valid_to is null`,
  );
  const issues = [];
  if (!assignee) {
    issues.push({ path: "assigneeBodyId", message: "Tổ chức được giao phải thuộc xã, phường của hồ sơ" });
  }
  if (body.decidedOn < row.reportedInOn) {
    issues.push({ path: "decidedOn", message: "Ngày quyết định trước ngày trình diện" });
  }
  if (body.fileOpenedOn && body.fileOpenedOn < row.reportedInOn) {
    issues.push({ path: "fileOpenedOn", message: "Ngày lập hồ sơ trước ngày trình diện" });
  }
  if (issues.length) throw validationFailed(issues);
  await db.transaction(async (tx) => {
    await tx
      .update(cases)
      .set({
        status: "assigned",
        assigneeBodyId: body.assigneeBodyId,
        mentorNameSealed: body.mentorName
          ? crypto.envelope.seal(body.mentorName, aad(id, "mentor_name"))
          : null,
        decisionNumber: body.decisionNumber,
        decidedOn: body.decidedOn,
        ...(body.fileOpenedOn ? { fileOpenedOn: body.fileOpenedOn } : {}),
        updatedAt: new Date(),
      })
      .where(eq(cases.id, id));
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "case.assigned",
      entityType: "case",
      entityId: id,
      orgUnitId: row.orgUnitId,
      data: {
        assigneeBodyId: body.assigneeBodyId,
        previousAssigneeBodyId: row.assigneeBodyId,
        decisionNumber: body.decisionNumber,
        decidedOn: body.decidedOn,
        onTime: body.decidedOn <= row.assignDueOn,
        fileOpenedOn: body.fileOpenedOn ?? null,
      },
    });
  });
  return readCase(db, actor, crypto, id, "Ghi quyết định giao quản lý");
}
